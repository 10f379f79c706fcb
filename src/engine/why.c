/* why: a card's schedule explained, from the card and its last answer. */
#include <stdio.h>

#include "backprep/clock.h"
#include "backprep/fsrs.h"
#include "backprep/text.h"
#include "backprep/why.h"

int why_scheduled(const why_input *in, char out[WHY_LINES][WHY_LINE])
{
	static const char *const grades[] = { "", "Again", "Hard", "Good", "Easy" };
	const store_card *sc = in->card;
	bool current = sc && (!in->item || sc->rev == in->item->rev) && sc->state != FSRS_NEW;
	bool known = in->last_grade >= 1 && in->last_grade <= 4;
	char due[16], day[16], last[16];
	int n = 0;

	if (sc && sc->suspended)
		snprintf(out[n++], WHY_LINE, "Suspended: never asked until unsuspended.");
	if (sc && sc->buried_until > in->now) {
		clock_format_day(clock_local_day(sc->buried_until), day);
		snprintf(out[n++], WHY_LINE, "Buried until %s.", day);
	}
	if (!current && sc && sc->suspended)
		return n;
	if (!current) {
		snprintf(out[n++], WHY_LINE, "%s",
			 sc && sc->rev && in->item && sc->rev != in->item->rev
				 ? "New again: its revision rose, so its schedule started over."
			 : !sc || sc->reps || !sc->introduced
				 ? "New: it comes when the plan's week and level reach it and the "
				   "day's minutes allow."
				 : "New.");
		return n;
	}
	clock_format_day(clock_local_day(sc->due), due);
	clock_format_day(clock_local_day(in->last_at ? in->last_at : sc->last_review), last);
	if (sc->scheduled_days > 0)
		snprintf(out[n++], WHY_LINE,
			 "The last answer (%s%s%s) gave an interval of %d %s: due %s.", last,
			 known ? ", " : "", known ? grades[in->last_grade] : "",
			 sc->scheduled_days, text_plural(sc->scheduled_days, "day", "days"), due);
	else
		snprintf(out[n++], WHY_LINE, "A learning step after the last answer (%s): due %s.",
			 last, due);
	if (sc->due <= in->now)
		snprintf(out[n++], WHY_LINE,
			 "It is due: due reviews come before new questions, the least likely "
			 "recalled first.");
	if (in->interview && clock_local_day(sc->due) >= in->interview)
		snprintf(out[n++], WHY_LINE,
			 "That is on or after the interview: a last review is placed before it "
			 "when its recall there would be below the retention you aim for.");
	return n;
}
