/*
 * term: taking the terminal and giving it back on every way out. Signal handlers only set a
 * flag, except for fatal signals, which restore the terminal with async-signal-safe calls
 * and re-raise.
 */
#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "term.h"

static volatile sig_atomic_t stop_signal;
static struct termios saved_tio;
static bool have_tio;
static char reset_seq[256];
static size_t reset_len;
static SCREEN *screen;

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

static void on_stop(int sig)
{
	stop_signal = sig;
}

static void on_fatal(int sig)
{
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
	if (reset_len && write(STDOUT_FILENO, reset_seq, reset_len) < 0) {
		/* nothing more can be done from here */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void set_handlers(void (*stop)(int), void (*fatal)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = stop; /* no SA_RESTART: a blocked read returns so the loop can look */
	for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		sigaction(stop_signals[i], &sa, NULL);
	sa.sa_handler = fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++)
		sigaction(fatal_signals[i], &sa, NULL);
}

static void add_cap(const char *name)
{
	const char *s = tigetstr(name);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (reset_len + n < sizeof(reset_seq)) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

static bool usable_cap(const char *name)
{
	const char *s = tigetstr(name);

	return s && s != (char *)-1;
}

int term_start(bp_error *e)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		bp_error_set(e, "backprep needs a terminal; for plain text use `backprep today`");
		return -1;
	}
	stop_signal = 0;
	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	/* Ours first: ncurses only installs its own where a signal is still at its default. */
	set_handlers(on_stop, on_fatal);
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		set_handlers(SIG_DFL, SIG_DFL);
		bp_error_set(e, "unknown terminal type '%s' (TERM); try TERM=xterm-256color",
			     term && *term ? term : "");
		return -1;
	}
	set_term(screen);
	if (!usable_cap("cup")) {
		term_stop();
		bp_error_set(e, "terminal '%s' cannot move the cursor; backprep needs one that can "
				"(e.g. TERM=xterm-256color)",
			     term ? term : "");
		return -1;
	}
	reset_len = 0;
	memcpy(reset_seq, "\033[0m", 4);
	reset_len = 4;
	add_cap("cnorm");
	add_cap("rmcup");
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(200);
	return 0;
}

void term_stop(void)
{
	if (screen) {
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
	set_handlers(SIG_DFL, SIG_DFL);
}

int term_stop_signal(void)
{
	return stop_signal;
}
