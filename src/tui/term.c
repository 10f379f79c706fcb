/*
 * term: taking the terminal and giving it back on every way out. Signal handlers only set a
 * flag, except for fatal signals, which end the child we started (an editor), restore the
 * terminal with async-signal-safe calls and re-raise.
 */
#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
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
/* The child on the terminal (term_run_child), or 0; read by the fatal handler. */
static volatile pid_t child;

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* Asks the child to end (SIGTERM), gives it two seconds, then kills it, and reaps it. Only
 * async-signal-safe calls: the fatal handler uses it too. */
static void end_child(pid_t pid)
{
	int status;

	kill(pid, SIGTERM);
	kill(pid, SIGCONT); /* a stopped child cannot act on SIGTERM */
	for (int i = 0; i < 40; i++) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid || (r < 0 && errno != EINTR))
			return;
		poll(NULL, 0, 50);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
	}
}

static void on_fatal(int sig)
{
	int saved = errno;

	if (child > 0)
		end_child(child);
	errno = saved;
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

static void add_reset(const char *s)
{
	size_t n = strlen(s);

	if (reset_len + n < sizeof(reset_seq)) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

static void add_cap(const char *name)
{
	const char *s = tigetstr(name);

	if (s && s != (char *)-1)
		add_reset(s);
}

void term_reset_mouse(void)
{
	/* ncurses turns reports on and off with XM (the terminfo's, else the 1000 mode) */
	const char *xm = tigetstr("XM"), *off = NULL;

	if (xm && xm != (char *)-1)
		off = tiparm(xm, 0);
	add_reset(off ? off : "\033[?1000l");
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

int term_run_child(const char *cmd)
{
	struct sigaction ign, old_int, old_quit;
	int status = -1;
	pid_t pid;

	/* Ctrl-C and Ctrl-\ go to the whole foreground group: they are the child's to handle. */
	memset(&ign, 0, sizeof(ign));
	sigemptyset(&ign.sa_mask);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		/* ignored signals stay ignored across exec: give the child the defaults */
		for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
			signal(stop_signals[i], SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		child = pid;
		for (;;) {
			/* SIGTERM or SIGHUP (it interrupts the wait): backprep is ending, the child
			 * first */
			if (stop_signal) {
				end_child(pid);
				status = -1;
				break;
			}
			if (waitpid(pid, &status, 0) == pid)
				break;
			if (errno != EINTR) {
				status = -1;
				break;
			}
		}
		child = 0;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return status;
}

/* The path quoted for sh: inside single quotes, each ' becomes '\''. */
static bool shell_quote(const char *s, char *out, size_t n)
{
	size_t k = 0;

	if (n < 3)
		return false;
	out[k++] = '\'';
	for (; *s; s++) {
		const char *piece = *s == '\'' ? "'\\''" : NULL;
		size_t len = piece ? 4 : 1;

		if (k + len + 2 > n)
			return false;
		if (piece)
			memcpy(out + k, piece, len);
		else
			out[k] = *s;
		k += len;
	}
	out[k++] = '\'';
	out[k] = '\0';
	return true;
}

int term_edit(const char *path, const char **editor)
{
	char quoted[2 * 4096], cmd[3 * 4096];
	int rc;

	*editor = getenv("EDITOR");
	if (!*editor || !**editor)
		*editor = getenv("VISUAL");
	if (!*editor || !**editor)
		*editor = "vi";
	if (!shell_quote(path, quoted, sizeof(quoted)) ||
	    (size_t)snprintf(cmd, sizeof(cmd), "exec %s %s", *editor, quoted) >= sizeof(cmd))
		return -2;
	def_prog_mode();
	endwin();
	rc = term_run_child(cmd);
	reset_prog_mode();
	curs_set(0);
	clearok(curscr, TRUE);
	refresh();
	return rc;
}
