/*
 * run: one run of a solution in a limited child (runner.h). The child is python3 -I -S -B
 * (isolated: no user site, no PYTHON* variables, no bytecode files) running the built-in
 * harness in a private temporary directory.
 */
#define _GNU_SOURCE /* pipe2, strsignal */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "backprep/clock.h"
#include "backprep/runner.h"
#include "backprep/text.h"

extern const char runner_harness_py[]; /* build/gen/harness.c, from src/runner/harness.py */

enum { RESULTS_MAX = 4 * 1024 * 1024 };

static int write_file(const char *dir, const char *name, const char *text, size_t len)
{
	char path[4200];
	int fd;
	size_t done = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	return close(fd);
}

/* The solution file's text, at most 1 MiB; NULL when it cannot be read. */
static char *read_solution(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = f ? malloc(1024 * 1024 + 1) : NULL;

	if (!buf) {
		if (f)
			fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, 1024 * 1024 + 1, f);
	fclose(f);
	if (*len > 1024 * 1024) {
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

/* {"entry": NAME, "tests": [...]}: the entry is an identifier, each test JSON already. */
static char *spec_json(const bp_item *it, size_t *len)
{
	size_t n = strlen(it->entry) + 64;
	char *s, *p;

	for (int i = 0; i < it->n_tests; i++)
		n += strlen(it->tests[i].json) + 2;
	if (!(s = malloc(n)))
		return NULL;
	p = s + sprintf(s, "{\"entry\": \"%s\", \"tests\": [", it->entry);
	for (int i = 0; i < it->n_tests; i++)
		p += sprintf(p, "%s%s", i ? ", " : "", it->tests[i].json);
	p += sprintf(p, "]}\n");
	*len = (size_t)(p - s);
	return s;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void set_limit(int what, rlim_t v, rlim_t hard)
{
	struct rlimit rl = { v, hard };

	setrlimit(what, &rl);
}

/* Threads (what RLIMIT_NPROC counts) of this user now, from /proc; -1 when unreadable. */
static long user_tasks(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	uid_t me = getuid();
	long n = 0;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char path[300], buf[1024], *end;
		struct stat st;
		long threads = 1;
		FILE *f;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s", de->d_name);
		if (stat(path, &st) < 0 || st.st_uid != me)
			continue;
		/* field 20 of stat, counted after the command's closing parenthesis */
		strcat(path, "/stat");
		if ((f = fopen(path, "r"))) {
			size_t got = fread(buf, 1, sizeof(buf) - 1, f);

			buf[got] = '\0';
			end = strrchr(buf, ')');
			for (int field = 2; end && field < 20; field++)
				end = strchr(end + 1, ' ');
			if (end)
				threads = strtol(end + 1, NULL, 10);
			fclose(f);
		}
		n += threads > 0 ? threads : 1;
	}
	closedir(d);
	return n;
}

/* In the child: never returns. */
static void child(const char *python, const char *dir, int out_fd, int res_fd, rlim_t nproc)
{
	char home[4300], harness[4300], spec[4300], solution[4300];
	/* absolute paths: the harness shortens tracebacks by the solution's directory */
	char *const argv[] = { (char *)python, "-I", "-S", "-B", harness, spec, solution, NULL };
	char *envp[4];
	sigset_t none;
	int devnull = open("/dev/null", O_RDONLY);

	/* a session of its own: its own process group, and no controlling terminal, so that
	 * not even /dev/tty reaches the screen */
	setsid();
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL); /* backprep gone: the run goes too */
#endif
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	if (devnull < 0 || dup2(devnull, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(out_fd, 2) < 0 ||
	    dup2(res_fd, 3) < 0 || chdir(dir) < 0)
		_exit(126);
	for (int fd = 4; fd < 1024; fd++)
		close(fd);
	snprintf(home, sizeof(home), "HOME=%s", dir);
	snprintf(harness, sizeof(harness), "%s/harness.py", dir);
	snprintf(spec, sizeof(spec), "%s/spec.json", dir);
	snprintf(solution, sizeof(solution), "%s/solution.py", dir);
	envp[0] = "PATH=/usr/local/bin:/usr/bin:/bin";
	envp[1] = "LANG=C.UTF-8";
	envp[2] = home;
	envp[3] = NULL;
	/* the soft CPU limit sends SIGXCPU, which says what happened; the hard one kills */
	set_limit(RLIMIT_CPU, RUNNER_CPU_S, RUNNER_CPU_S + 1);
	set_limit(RLIMIT_AS, (rlim_t)RUNNER_MEM_MIB * 1024 * 1024,
		  (rlim_t)RUNNER_MEM_MIB * 1024 * 1024);
	set_limit(RLIMIT_FSIZE, (rlim_t)RUNNER_FILE_MIB * 1024 * 1024,
		  (rlim_t)RUNNER_FILE_MIB * 1024 * 1024);
	set_limit(RLIMIT_CORE, 0, 0);
	set_limit(RLIMIT_NPROC, nproc, nproc);
	execve(python, argv, envp);
	_exit(127);
}

/* Appends to the output kept (up to the cap) or counts it as cut. */
static void keep_output(char **buf, size_t *len, const char *s, size_t n, bool *cut)
{
	if (*len + n > RUNNER_OUTPUT_MAX) {
		*cut = true;
		n = RUNNER_OUTPUT_MAX - *len;
	}
	if (n && (*buf || (*buf = malloc(RUNNER_OUTPUT_MAX + 1)))) {
		memcpy(*buf + *len, s, n);
		*len += n;
	}
}

/* Complete lines of the results buffer go to the parser; the rest stays. */
static void take_lines(runner_result *r, const bp_item *it, char *buf, size_t *len)
{
	char *start = buf, *nl;

	while ((nl = memchr(start, '\n', *len - (size_t)(start - buf)))) {
		runner_parse_line(r, it, start, (size_t)(nl - start));
		start = nl + 1;
	}
	*len -= (size_t)(start - buf);
	memmove(buf, start, *len);
}

/*
 * Reads both pipes until they close, the deadline (returns -1) or the child's end: then its
 * group is killed (what it forked would hold the pipes open) and what is left is read.
 * *status gets the child's wait status.
 */
static int pump(runner_result *r, const bp_item *it, pid_t pid, const int fds[2],
		int64_t deadline, char **out, size_t *out_len, int *status)
{
	char chunk[8192], *res = malloc(RESULTS_MAX);
	size_t res_len = 0;
	struct pollfd p[2] = { { fds[0], POLLIN, 0 }, { fds[1], POLLIN, 0 } };
	int open_fds = 2, rc = 0;
	bool ended = false;

	while (open_fds > 0) {
		int64_t left = deadline - clock_mono_ms();
		int n;

		if (left <= 0) {
			rc = -1;
			break;
		}
		n = poll(p, 2, left < 50 ? (int)left : 50);
		if (n < 0 && errno != EINTR)
			break;
		for (int k = 0; n > 0 && k < 2; k++) {
			ssize_t got;

			if (p[k].fd < 0 || !(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			got = read(p[k].fd, chunk, sizeof(chunk));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				p[k].fd = -1;
				open_fds--;
			} else if (k == 0) {
				keep_output(out, out_len, chunk, (size_t)got, &r->output_cut);
			} else if (res && res_len + (size_t)got <= RESULTS_MAX) {
				memcpy(res + res_len, chunk, (size_t)got);
				res_len += (size_t)got;
				take_lines(r, it, res, &res_len);
			}
		}
		if (!ended && waitpid(pid, status, WNOHANG) == pid) {
			ended = true;
			kill(-pid, SIGKILL);
		}
	}
	free(res);
	if (!ended && rc == 0) {
		while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
		}
		ended = true;
	}
	kill(-pid, SIGKILL); /* the deadline, or whatever is left of the group */
	if (!ended)
		while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
		}
	return rc;
}

static int setup_fail(runner_result *r, const char *what)
{
	r->status = RUN_SETUP;
	snprintf(r->message, sizeof(r->message), "Cannot set up the run: %s: %s.", what,
		 strerror(errno));
	return 0;
}

static int run_in(runner_result *r, const bp_item *it, const char *dir, const char *sol,
		  size_t sol_len)
{
	int out[2], res[2], status = 0;
	size_t spec_len, out_len = 0;
	char *spec = spec_json(it, &spec_len), *output = NULL;
	int64_t start = clock_mono_ms();
	long tasks = user_tasks();
	/* a few more than this user runs now (unknown: a bound that still stops a fork bomb) */
	rlim_t nproc = (rlim_t)(tasks >= 0 ? tasks : 1024) + RUNNER_NPROC;
	bool timed_out;
	pid_t pid;

	if (!spec || write_file(dir, "spec.json", spec, spec_len) < 0 ||
	    write_file(dir, "harness.py", runner_harness_py, strlen(runner_harness_py)) < 0 ||
	    write_file(dir, "solution.py", sol, sol_len) < 0) {
		free(spec);
		return setup_fail(r, "writing the run's files");
	}
	free(spec);
	if (pipe2(out, O_CLOEXEC) < 0)
		return setup_fail(r, "pipe");
	if (pipe2(res, O_CLOEXEC) < 0) {
		close(out[0]);
		close(out[1]);
		return setup_fail(r, "pipe");
	}
	pid = fork();
	if (pid == 0)
		child(r->python, dir, out[1], res[1], nproc);
	close(out[1]);
	close(res[1]);
	if (pid < 0) {
		close(out[0]);
		close(res[0]);
		return setup_fail(r, "fork");
	}
	timed_out = pump(r, it, pid, (const int[2]){ out[0], res[0] },
			 start + RUNNER_WALL_S * 1000, &output, &out_len, &status) < 0;
	close(out[0]);
	close(res[0]);
	r->seconds = (double)(clock_mono_ms() - start) / 1000.0;
	if (!timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 127 && r->running < 0 &&
	    r->status != RUN_LOAD && !r->done) {
		r->status = RUN_NO_PYTHON;
		snprintf(r->message, sizeof(r->message), "Cannot start %.400s.", r->python);
	} else {
		runner_finish(r, timed_out ? -1 : status);
	}
	if (output) {
		r->output = text_clean(output, out_len);
		free(output);
	}
	return 0;
}

int runner_run(const bp_item *it, const char *path, runner_result *r, bp_error *e)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4200], *sol;
	size_t sol_len = 0;

	runner_result_init(r, it);
	if (!it->entry || it->n_tests == 0) {
		bp_error_set(e, "%s has no tests to run", it->id);
		return -1;
	}
	if (runner_python(r->python, sizeof(r->python)) < 0) {
		r->status = RUN_NO_PYTHON;
		snprintf(r->message, sizeof(r->message),
			 "Python 3 is needed to run solutions and none was found. Install it "
			 "(Debian or Ubuntu: sudo apt-get install python3; macOS: brew install "
			 "python) or set BACKPREP_PYTHON to its path.");
		return 0;
	}
	errno = 0;
	if (!(sol = read_solution(path, &sol_len))) {
		char vis[1200];

		text_visible(path, strlen(path), vis, sizeof(vis));
		r->status = RUN_NO_FILE;
		snprintf(r->message, sizeof(r->message), "Cannot read the solution %.400s: %s", vis,
			 errno ? strerror(errno) : "it is over 1 MiB");
		return 0;
	}
	snprintf(dir, sizeof(dir), "%s/backprep-run-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		free(sol);
		return setup_fail(r, "a temporary directory");
	}
	run_in(r, it, dir, sol, sol_len);
	free(sol);
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
