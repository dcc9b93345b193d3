/* interrupt.c — what an interrupted pyc2c leaves behind: nothing.
 *
 * Three mechanisms, one per way a run can end early (docs/usage.md,
 * "Interrupts, locking and the build stamp"):
 *
 *   - Temporary files (atomic writes, paths.c) are registered here while
 *     they exist; exit() removes them, and SIGINT, SIGTERM, SIGHUP and SIGQUIT run a handler that
 *     unlinks them, stops the running build, then re-raises the signal with
 *     its default action, so pyc2c's exit status says which signal ended it.
 *   - Each build command (scons) runs in a process group of its own, led by
 *     a small guard process forked from pyc2c.  The guard is the parent of
 *     scons and asks the kernel for SIGTERM when pyc2c dies
 *     (PR_SET_PDEATHSIG), on which it SIGKILLs its whole group: even a
 *     SIGKILLed pyc2c leaves no scons or gcc running.  pyc2c's own handler
 *     sends the group SIGTERM (the guard turns it into SIGKILL), waits for
 *     the guard, then SIGKILLs the group in case the guard was stuck.
 *   - The guard can die with pyc2c: it is a fork of pyc2c, so `killall -9
 *     pyc2c` or `pkill -9 pyc2c` kill both, and nothing is left to stop the
 *     group.  So the command also gets a lifeline: the read end of a pipe
 *     whose only write end pyc2c holds, its number in PYC2C_LIFELINE_FD.
 *     The read end sees end-of-file the moment pyc2c is gone, however it
 *     went, and scons (scons/pyc2c_toolchain.py, die_with_pyc2c) watches it
 *     and SIGKILLs its own group then: scons and the compilers die with
 *     pyc2c even when the guard died first.
 *   - The build directory's lock (build.c) is inherited by the guard, scons
 *     and the compilers: if the group outlives pyc2c anyway (a command that
 *     does not watch the lifeline, its guard SIGKILLed too), the directory
 *     stays locked until the last of them exits, and the next pyc2c waits.
 *
 *   - Temporary directories (a dist being assembled, standalone.c) are
 *     registered the same way and removed with their contents, by a
 *     remover made of system calls only (openat, getdents64, unlinkat).
 *
 * driver_run_watched also calls a watcher while the command runs (the C
 * build's progress line), waking on a pidfd of the guard so that the end
 * of the command is seen at once.
 *
 * Everything the handler touches is set up with the signals blocked, so
 * the handler never sees a half-updated table; it calls only
 * async-signal-safe functions (unlink, kill, waitid, nanosleep, raise).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "driver.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

extern char **environ;

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define N_HANDLED (sizeof handled_signals / sizeof handled_signals[0])

/* A run has at most a few temporaries at once (one atomic write at a time,
 * nested at most once); the table is generous. */
#define MAX_TEMPS 16
static char *volatile temps[MAX_TEMPS];
static volatile bool temp_is_dir[MAX_TEMPS];

/* The guard's exit status when the command cannot be started (as a
 * shell's "command not found"). */
#define GUARD_CANNOT_SPAWN 127

/* The guard (leader of the running build's process group), or 0. */
static volatile pid_t build_guard;

/* The handled signals, for sigprocmask. */
static void handled_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < N_HANDLED; i++)
        sigaddset(set, handled_signals[i]);
}

static void block_handled(sigset_t *old)
{
    sigset_t set;
    handled_set(&set);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void restore_mask(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* Has the guard exited?  Does not reap it: while its zombie exists its pid
 * stays reserved, so kill(-guard) cannot reach an unrelated group. */
static int guard_exited(pid_t guard)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (waitid(P_PID, (id_t)guard, &si, WEXITED | WNOHANG | WNOWAIT) != 0)
        return 1;
    return si.si_pid == guard;
}

/* Stops the build group: SIGTERM (the guard SIGKILLs its group), up to two
 * seconds for the guard to go, then SIGKILL for whatever is left. */
static void stop_build(pid_t guard)
{
    kill(-guard, SIGTERM);
    for (int i = 0; i < 100 && !guard_exited(guard); i++)
        sleep_ms(20);
    kill(-guard, SIGKILL);
}

/* The directory entries getdents64 returns (the kernel's layout). */
struct dirent64_raw {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/* Removes name (under the directory parent) with everything in it, with
 * system calls only: safe in a signal handler, where nftw/readdir (malloc)
 * are not.  Entries are read again from the start after each batch, as
 * removing while reading may skip some.  Depth-limited: a dist is shallow. */
static void remove_tree_at(int parent, const char *name, int depth)
{
    if (unlinkat(parent, name, 0) == 0 || errno == ENOENT || depth > 32)
        return;
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    char buf[4096] __attribute__((aligned(8)));
    for (int rounds = 0; rounds < 1000; rounds++) {
        long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
        if (n <= 0)
            break;
        bool removed = false;
        for (long off = 0; off < n; ) {
            struct dirent64_raw *e = (struct dirent64_raw *)(buf + off);
            off += e->d_reclen;
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
                remove_tree_at(fd, e->d_name, depth + 1);
                removed = true;
            }
        }
        if (!removed)
            break;
        lseek(fd, 0, SEEK_SET);
    }
    close(fd);
    unlinkat(parent, name, AT_REMOVEDIR);
}

static void unlink_temps(void)
{
    for (int i = 0; i < MAX_TEMPS; i++)
        if (temps[i]) {
            if (temp_is_dir[i])
                remove_tree_at(AT_FDCWD, temps[i], 0);
            else
                unlink(temps[i]);
        }
}

static void on_signal(int sig)
{
    int saved = errno;
    unlink_temps();
    if (build_guard > 0)
        stop_build(build_guard);
    /* Die of the same signal: the default action, delivered once the
     * handler's blocking of sig is lifted. */
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    raise(sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    errno = saved;   /* not reached for the default actions of these signals */
}

void driver_signals_install(void)
{
    /* exit() from deep inside (out of memory, diag.c) leaves no temporary
     * either; a normal run has none registered by then. */
    atexit(unlink_temps);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    handled_set(&sa.sa_mask);    /* one handler at a time */
    for (size_t i = 0; i < N_HANDLED; i++) {
        struct sigaction old;
        /* A signal ignored by whoever started pyc2c (nohup, a background
         * job) stays ignored, as for any well-behaved program. */
        if (sigaction(handled_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(handled_signals[i], &sa, NULL);
    }
}

static int temp_add(const char *path, bool is_dir)
{
    /* path exists already: if memory runs out copying its name, no
     * registry will remove it at exit, so it goes here. */
    char *copy = try_strdup(path);
    if (!copy) {
        if (is_dir)
            rmdir(path);
        else
            unlink(path);
        diag_out_of_memory(NULL);
    }
    sigset_t old;
    block_handled(&old);
    int slot = -1;
    for (int i = 0; i < MAX_TEMPS && slot < 0; i++)
        if (!temps[i]) {
            temp_is_dir[i] = is_dir;
            temps[i] = copy;
            slot = i;
        }
    restore_mask(&old);
    if (slot < 0)
        free(copy);
    return slot;
}

int driver_temp_add(const char *path)
{
    return temp_add(path, false);
}

int driver_temp_dir_add(const char *path)
{
    return temp_add(path, true);
}

void driver_temp_forget(int slot)
{
    if (slot < 0 || slot >= MAX_TEMPS)
        return;
    sigset_t old;
    block_handled(&old);
    char *p = temps[slot];
    temps[slot] = NULL;
    restore_mask(&old);
    free(p);
}

/* ---- the guarded build group ---------------------------------------------- */

/* The guard's handler: the whole group dies at once (the guard included).
 * Half-written objects are harmless: scons keeps a target's signature only
 * after building it, so the next build redoes them. */
static void guard_on_signal(int sig)
{
    (void)sig;
    kill(0, SIGKILL);
}

/* The environment for the command: pyc2c's, with PYC2C_LIFELINE_FD naming
 * the lifeline's read end (none when there is no lifeline: fd < 0).  Built
 * in the guard, a single-threaded fork, where malloc is safe. */
#define LIFELINE_VAR "PYC2C_LIFELINE_FD="

static char **lifeline_environ(int fd)
{
    if (fd < 0)
        return environ;
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = malloc((n + 2) * sizeof *env);
    if (!env)
        return environ;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], LIFELINE_VAR, sizeof LIFELINE_VAR - 1) != 0)
            env[k++] = environ[i];     /* not an outer pyc2c's lifeline */
    /* not driver_sprintf: out of memory, it would exit() through pyc2c's
     * atexit hook, removing pyc2c's temporaries from the guard */
    static char var[sizeof LIFELINE_VAR + 12];
    snprintf(var, sizeof var, LIFELINE_VAR "%d", fd);
    env[k++] = var;
    env[k] = NULL;
    return env;
}

/* In the guard: the lifeline's read end is handed to the command (not
 * close-on-exec any more); the write end is closed, so that pyc2c's is the
 * only one and its death alone means end-of-file. */
static int hand_over_lifeline(const int lifeline[2])
{
    if (lifeline[0] < 0)
        return -1;
    close(lifeline[1]);
    if (fcntl(lifeline[0], F_SETFD, 0) != 0)
        return -1;
    return lifeline[0];
}

/* Runs in the guard: spawns argv with the original signal mask, waits for
 * it and exits with its status.  Never returns. */
static void guard_main(char *const argv[], const char *log_path, pid_t parent,
                       const sigset_t *orig_mask, const int lifeline[2])
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = guard_on_signal;
    for (size_t i = 0; i < N_HANDLED; i++)
        sigaction(handled_signals[i], &sa, NULL);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent)          /* pyc2c died before the prctl */
        kill(0, SIGKILL);
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    /* Never the terminal: the group is not the foreground one. */
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (log_path) {
        posix_spawn_file_actions_addopen(&fa, 1, log_path,
                                         O_WRONLY | O_CREAT | O_TRUNC, 0666);
        posix_spawn_file_actions_adddup2(&fa, 1, 2);
    }
    posix_spawnattr_setsigmask(&attr, orig_mask);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    pid_t pid;
    int err = posix_spawnp(&pid, argv[0], &fa, &attr, argv,
                           lifeline_environ(hand_over_lifeline(lifeline)));
    sigprocmask(SIG_SETMASK, orig_mask, NULL);
    if (err != 0)
        _exit(GUARD_CANNOT_SPAWN);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            _exit(GUARD_CANNOT_SPAWN);
    if (WIFEXITED(status))
        _exit(WEXITSTATUS(status));
    _exit(128 + WTERMSIG(status));
}

/* Waits for the guard to exit without reaping it, then (signals blocked, so
 * the handler cannot aim at a reaped pid) forgets and reaps it. */
static int wait_guard(pid_t guard)
{
    siginfo_t si;
    for (;;) {
        memset(&si, 0, sizeof si);
        if (waitid(P_PID, (id_t)guard, &si, WEXITED | WNOWAIT) == 0)
            break;
        if (errno != EINTR)
            return -1;
    }
    sigset_t old;
    block_handled(&old);
    build_guard = 0;
    int status;
    pid_t r = waitpid(guard, &status, 0);
    restore_mask(&old);
    if (r != guard)
        return -1;
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    if (WEXITSTATUS(status) == GUARD_CANNOT_SPAWN) {
        errno = ENOENT;     /* the usual reason: the command is not on PATH */
        return -1;
    }
    return WEXITSTATUS(status);
}

static void close_lifeline_end(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* How often a watched command's watcher is called (driver_run_watched). */
#define WATCH_MS 100

/* Waits up to WATCH_MS for the guard to exit, without reaping it: a pidfd
 * turns readable the moment its process exits, so the end of the build is
 * not delayed; without one (a kernel before 5.3) the whole interval. */
static void wait_guard_a_while(int pidfd)
{
    struct pollfd p = { pidfd, POLLIN, 0 };
    if (pidfd >= 0)
        poll(&p, 1, WATCH_MS);       /* interrupted: the caller looks again */
    else
        sleep_ms(WATCH_MS);
}

/* Calls watch(arg) every WATCH_MS until the guard has exited, and once
 * more after (so the watcher sees the command's last output). */
static void watch_guard(pid_t guard, DriverWatch watch, void *arg)
{
    int pidfd = -1;
#ifdef SYS_pidfd_open
    pidfd = (int)syscall(SYS_pidfd_open, guard, 0);   /* close-on-exec */
#endif
    while (!guard_exited(guard)) {
        watch(arg);
        wait_guard_a_while(pidfd);
    }
    watch(arg);
    if (pidfd >= 0)
        close(pidfd);
}

int driver_run(char *const argv[], const char *log_path)
{
    return driver_run_watched(argv, log_path, NULL, NULL);
}

int driver_run_watched(char *const argv[], const char *log_path, DriverWatch watch,
                       void *arg)
{
    /* Without a pipe the command runs all the same, guarded but without
     * its lifeline. */
    int lifeline[2];
    if (pipe2(lifeline, O_CLOEXEC) != 0)
        lifeline[0] = lifeline[1] = -1;
    sigset_t old;
    block_handled(&old);
    pid_t parent = getpid();
    pid_t guard = fork();
    if (guard == 0) {
        setpgid(0, 0);
        guard_main(argv, log_path, parent, &old, lifeline);
    }
    if (guard > 0) {
        setpgid(guard, guard);     /* also here: no race with the first kill */
        build_guard = guard;
    }
    restore_mask(&old);
    close_lifeline_end(&lifeline[0]);
    int status = -1;
    if (guard >= 0 && watch)
        watch_guard(guard, watch, arg);
    if (guard >= 0)
        status = wait_guard(guard);
    int err = errno;
    /* Held until the command is over: closing it is what kills a build
     * still running (its guard killed by someone else). */
    close_lifeline_end(&lifeline[1]);
    errno = err;
    return status;
}
