/*
 * text_ascii: the output stage for plain terminals. Under a locale whose character set is
 * not UTF-8 (LANG=C, LC_ALL=POSIX, a Latin-1 locale) a UTF-8 byte sent to the terminal
 * shows as mojibake, or as M-x escapes from curses; so every character outside ASCII is
 * written as the ASCII that reads the same: dashes as -, quotes as ' and ", é as e, box
 * lines as - and |, the charts' blocks and shades as a ramp of ASCII marks, arrows as ->.
 * The mode is chosen once at start (text_ascii_set); widths follow it (text_cp_width), so
 * wrapping and cutting measure what is drawn. Never draws.
 */
#include <langinfo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "backprep/text.h"

static bool ascii_mode;

bool text_codeset_is_utf8(const char *codeset)
{
	return codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf-8") == 0 ||
	                   strcmp(codeset, "UTF8") == 0 || strcmp(codeset, "utf8") == 0);
}

const char *text_codeset(void)
{
	const char *c = nl_langinfo(CODESET);

	return c && *c ? c : "ANSI_X3.4-1968";
}

void text_ascii_set(bool on)
{
	ascii_mode = on;
}

bool text_ascii_on(void)
{
	return ascii_mode;
}

/* clang-format off */
/* U+00C0..U+017F: Latin-1 and Latin Extended-A letters without their marks. */
static const char *const latin[0x180 - 0xc0] = {
	"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",  /* U+00C0 */
	"D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss", /* U+00D0 */
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  /* U+00E0 */
	"d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",  /* U+00F0 */
	"A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",   /* U+0100 */
	"D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",   /* U+0110 */
	"G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",   /* U+0120 */
	"I", "i", "IJ", "ij", "J", "j", "K", "k", "q", "L", "l", "L", "l", "L", "l", "L", /* U+0130 */
	"l", "L", "l", "N", "n", "N", "n", "N", "n", "'n", "N", "n", "O", "o", "O", "o",  /* U+0140 */
	"O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", /* U+0150 */
	"S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",   /* U+0160 */
	"U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",   /* U+0170 */
};

/* U+2500..U+257F, box drawing: a line across is -, a line down |, a corner or a join +. */
static const char box[] = "--||--||++||++++++++++++++++++++"  /* U+2500 */
			  "++++++++++++++++++++++++++++++++"  /* U+2520 */
			  "++++++++++++--||-|++++++++++++++"  /* U+2540 */
			  "+++++++++++++++++/\\X-|-|-|-|-|-|"; /* U+2560 */

typedef struct ascii_of {
	uint32_t cp;
	const char *s;
} ascii_of;

/*
 * Everything else that has a reading, by code point. The blocks and shades of the charts
 * (chart.c) make ramps by weight: the heatmap's · ░ ▒ ▓ █ reads - . : + #, a sparkline's
 * ▁▂▃▄▅▆▇█ reads _ . , : = + * #, and a bar's partial cell | or +.
 */
static const ascii_of table[] = {
	{ 0x00a0, " " },   { 0x00a1, "!" },    { 0x00a2, "c" },   { 0x00a3, "GBP" },
	{ 0x00a5, "JPY" }, { 0x00a7, "S" },    { 0x00a9, "(c)" }, { 0x00ab, "<<" },
	{ 0x00ac, "!" },   { 0x00ad, "-" },    { 0x00ae, "(R)" }, { 0x00b0, "deg" },
	{ 0x00b1, "+/-" }, { 0x00b2, "^2" },   { 0x00b3, "^3" },  { 0x00b4, "'" },
	{ 0x00b5, "u" },   { 0x00b6, "P" },    { 0x00b7, "-" },   { 0x00b9, "^1" },
	{ 0x00bb, ">>" },  { 0x00bc, "1/4" },  { 0x00bd, "1/2" }, { 0x00be, "3/4" },
	{ 0x00bf, "?" },   { 0x02c6, "^" },    { 0x02dc, "~" },   { 0x03bb, "lambda" },
	{ 0x03bc, "u" },   { 0x03c0, "pi" },   { 0x03c3, "sigma" },
	{ 0x2002, " " },   { 0x2003, " " },    { 0x2009, " " },   { 0x200a, " " },
	{ 0x2010, "-" },   { 0x2011, "-" },    { 0x2012, "-" },   { 0x2013, "-" },
	{ 0x2014, "-" },   { 0x2015, "-" },    { 0x2016, "||" },  { 0x2018, "'" },
	{ 0x2019, "'" },   { 0x201a, "'" },    { 0x201b, "'" },   { 0x201c, "\"" },
	{ 0x201d, "\"" },  { 0x201e, "\"" },   { 0x201f, "\"" },  { 0x2020, "+" },
	{ 0x2021, "++" },  { 0x2022, "*" },    { 0x2023, "*" },   { 0x2024, "." },
	{ 0x2026, "..." }, { 0x2027, "-" },    { 0x202f, " " },   { 0x2030, "%o" },
	{ 0x2032, "'" },   { 0x2033, "\"" },   { 0x2039, "<" },   { 0x203a, ">" },
	{ 0x2043, "-" },   { 0x2044, "/" },    { 0x20ac, "EUR" }, { 0x2122, "(TM)" },
	{ 0x2190, "<-" },  { 0x2191, "^" },    { 0x2192, "->" },  { 0x2193, "v" },
	{ 0x2194, "<->" }, { 0x21b5, "<-'" },  { 0x21d0, "<=" },  { 0x21d2, "=>" },
	{ 0x21d4, "<=>" }, { 0x2200, "A" },   { 0x2208, "in" },
	{ 0x2211, "sum" }, { 0x2212, "-" },    { 0x2217, "*" },   { 0x2219, "*" },
	{ 0x221a, "sqrt" }, { 0x221e, "inf" }, { 0x2227, "and" }, { 0x2228, "or" },
	{ 0x2248, "~" },   { 0x2260, "!=" },   { 0x2261, "==" },  { 0x2264, "<=" },
	{ 0x2265, ">=" },  { 0x22c5, "*" },    { 0x2303, "^" },   { 0x2318, "Cmd" },
	{ 0x2580, "\"" },  { 0x2581, "_" },    { 0x2582, "." },   { 0x2583, "," },
	{ 0x2584, ":" },   { 0x2585, "=" },    { 0x2586, "+" },   { 0x2587, "*" },
	{ 0x2588, "#" },   { 0x2589, "#" },    { 0x258a, "#" },   { 0x258b, "+" },
	{ 0x258c, "+" },   { 0x258d, "|" },    { 0x258e, "|" },   { 0x258f, "|" },
	{ 0x2590, "|" },   { 0x2591, "." },    { 0x2592, ":" },   { 0x2593, "+" },
	{ 0x2594, "\"" },  { 0x2595, "|" },    { 0x25a0, "#" },   { 0x25a1, "[]" },
	{ 0x25aa, "*" },   { 0x25ab, "o" },    { 0x25b2, "^" },   { 0x25b6, ">" },
	{ 0x25b8, ">" },   { 0x25ba, ">" },    { 0x25bc, "v" },   { 0x25be, "v" },
	{ 0x25c0, "<" },   { 0x25c2, "<" },    { 0x25c6, "*" },   { 0x25cb, "o" },
	{ 0x25cf, "*" },   { 0x25e6, "o" },    { 0x2605, "*" },   { 0x2606, "*" },
	{ 0x2610, "[ ]" }, { 0x2611, "[x]" },  { 0x2612, "[x]" }, { 0x2713, "v" },
	{ 0x2714, "v" },   { 0x2715, "x" },    { 0x2716, "x" },   { 0x2717, "x" },
	{ 0x2718, "x" },   { 0x27e8, "<" },    { 0x27e9, ">" },   { 0xfeff, "" },
	{ 0xfffd, "?" },
};

/* clang-format on */

static int by_cp(const void *key, const void *elem)
{
	uint32_t a = *(const uint32_t *)key, b = ((const ascii_of *)elem)->cp;

	return a < b ? -1 : a > b;
}

const char *text_ascii_of(uint32_t cp)
{
	const ascii_of *hit;

	if (cp < 0x80)
		return NULL;
	if (cp >= 0xc0 && cp < 0x180)
		return latin[cp - 0xc0];
	if (cp >= 0x2500 && cp < 0x2580) {
		static const char marks[] = "-|+/\\X";
		static const char *const mark_s[] = {"-", "|", "+", "/", "\\", "X"};

		return mark_s[strchr(marks, box[cp - 0x2500]) - marks];
	}
	hit = bsearch(&cp, table, sizeof(table) / sizeof(table[0]), sizeof(table[0]), by_cp);
	if (hit)
		return hit->s;
	/* combining marks (é written as e and U+0301) and zero-width characters vanish */
	if ((cp >= 0x0300 && cp < 0x0370) || (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060)
		return "";
	return "?";
}

size_t text_ascii(const char *s, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0;

	if (cap == 0)
		return 0;
	while (i < len) {
		uint32_t c;
		size_t n = text_decode(s + i, len - i, &c), k;
		const char *piece;

		if (n == 0)
			c = 0xfffd, n = 1;
		piece = c < 0x80 ? s + i : text_ascii_of(c);
		k = c < 0x80 ? 1 : strlen(piece);
		if (o + k >= cap)
			break;
		memcpy(out + o, piece, k);
		o += k;
		i += n;
	}
	out[o] = '\0';
	return o;
}
