#!/usr/bin/perl
# The job launcher, in Perl (perl-base is on every Debian machine). Why not
# Node: forking costs time in proportion to the forking process's memory, and the server's
# is large (~3.6 ms a job); this process is tiny. Why one process for all jobs rather than
# one supervisor each: every extra fork costs ~1 ms of CPU, which on a small machine is the
# difference between 200 and 300 jobs a second.
#
# It reads launch requests on stdin, one per line (tab-separated, %XX-escaped), and forks
# each job, which:
# - starts a new session (the job's process tree, outside the server's), writes its pid,
#   kernel start time and the launch record to <run>/<id>.job, and the script to
#   <run>/<id>.sh (the job's owner's alone);
# - enters the job's cgroups (when there are), drops to the user's uid/gid, takes the center's umask (outputs the user's own), enters the working directory, opens the output files as
#   that user, sets the environment, binds to its cores (sched_setaffinity called
#   directly; `taskset` where the number is unknown), and execs the script.
# When a job ends it reads the job's CPU time from /proc (the zombie still has it), reaps
# it, kills what it left in its process group, appends "code signal cpu-seconds" to the
# record and says "end ID". It says "start ID PID" after each fork.
#
# It runs in its own session and keeps going after the server has gone (stdin closed)
# until its last job has ended, so jobs keep being recorded across a server restart.
use strict; use warnings; use POSIX (); use Fcntl qw(O_WRONLY O_CREAT O_TRUNC O_NOFOLLOW);
$SIG{PIPE} = 'IGNORE'; $SIG{INT} = 'IGNORE'; $SIG{HUP} = 'IGNORE'; $| = 1;
my $affinity = $ARGV[0] // '';
my $tick = POSIX::sysconf(POSIX::_SC_CLK_TCK()) || 100;
my %jobs;
my $eof = 0;
sub unesc { my $x = shift; $x =~ s/%([0-9A-Fa-f]{2})/chr(hex($1))/ge; return $x; }
sub put { my ($path, $mode, $text) = @_; open(my $f, $mode, $path) or return; print $f $text; close($f); }
sub slurp { open(my $f, '<', shift) or return undef; local $/; return <$f>; }
sub fields { my $s = shift; return split(/ /, substr($s, rindex($s, ')') + 2)); }
sub reap {
  for my $pid (keys %jobs) {
    my $stat = slurp("/proc/$pid/stat");
    next if defined $stat && (fields($stat))[0] ne 'Z';
    my @f = defined $stat ? fields($stat) : ();
    my $cpu = @f ? ($f[11] + $f[12] + $f[13] + $f[14]) / $tick : 0;
    next unless waitpid($pid, POSIX::WNOHANG()) == $pid;
    my $st = $?;
    my ($id, $rec) = @{delete $jobs{$pid}};
    kill('KILL', -$pid);
    put($rec, '>>', sprintf("%d %d %.2f\n", ($st & 127) ? 0 : $st >> 8, $st & 127, $cpu));
    print "end\t$id\n";
  }
}
$SIG{CHLD} = \&reap;
my $chld = POSIX::SigSet->new(POSIX::SIGCHLD());
sub launch {
  my $line = shift;
  my ($id, $run, $workdir, $uid, $gid, $cores, $umask, $cgroups, $out, $err, $script, $text, $nargs, @rest) = map { unesc($_) } split(/\t/, $line, -1);
  my @args = splice(@rest, 0, $nargs);
  my ($launch, @env) = @rest;
  my $rec = "$run/$id.job";
  POSIX::sigprocmask(POSIX::SIG_BLOCK(), $chld);
  my $pid = fork();
  if (defined $pid && $pid == 0) {
    $SIG{CHLD} = 'DEFAULT'; $SIG{PIPE} = 'DEFAULT'; $SIG{INT} = 'DEFAULT'; $SIG{HUP} = 'DEFAULT';
    POSIX::sigprocmask(POSIX::SIG_UNBLOCK(), $chld);
    POSIX::setsid();
    my @f = fields(slurp('/proc/self/stat'));
    open(my $r, '>', $rec) or POSIX::_exit(126);
    select((select($r), $| = 1)[0]);
    print $r "$$ $f[19]\n$launch\n";
    my $die = sub { print $r "fail " . shift() . "\n"; POSIX::_exit(127) };
    # into the job's cgroups while still root; what it starts stays in them
    for my $procs (grep { $_ ne '' } split(/,/, $cgroups)) {
      open(my $cg, '>>', $procs) or $die->("cannot enter the job's cgroup $procs: $!");
      print $cg "$$\n" or $die->("cannot enter the job's cgroup $procs: $!");
      close($cg) or $die->("cannot enter the job's cgroup $procs: $!");
    }
    umask(077);
    put($script, '>', $text);
    chmod(0700, $script);
    if ($uid ne '') { chown($uid, $gid, $script); }
    if ($gid ne '') { $) = "$gid $gid"; $( = $gid; $die->("cannot switch to group $gid: $!") if (split(' ', $())[0] != $gid; }
    if ($uid ne '') { $< = $> = $uid; $die->("cannot switch to user $uid: $!") if $< != $uid || $> != $uid; }
    umask(oct($umask));
    chdir($workdir) or $die->("cannot enter the working directory $workdir: $!");
    open(STDIN, '<', '/dev/null');
    # a job running as the server's own user must not follow a symlink planted where its
    # output goes (it could point into Guang's data); a user's job opens with the user's rights
    my $flags = O_WRONLY | O_CREAT | O_TRUNC | ($uid eq '' ? O_NOFOLLOW : 0);
    sysopen(my $o, $out, $flags, 0666) or $die->("cannot open the output file $out: $!");
    open(STDOUT, '>&', $o) or $die->("cannot open the output file $out: $!");
    if ($err eq $out) { open(STDERR, '>&', \*STDOUT) or $die->("cannot open $err: $!"); }
    else {
      sysopen(my $e, $err, $flags, 0666) or $die->("cannot open the error file $err: $!");
      open(STDERR, '>&', $e) or $die->("cannot open the error file $err: $!");
    }
    %ENV = @env;
    if ($cores ne '' && $affinity ne '') {
      my $mask = "\0" x 128;
      vec($mask, $_, 1) = 1 for split(/,/, $cores);
      syscall($affinity, 0, length($mask), $mask) == 0 or $die->("cannot bind to cores $cores: $!");
      $cores = '';
    }
    my $ok = $cores ne '' ? exec { 'taskset' } 'taskset', '-c', $cores, $script, @args : exec { $script } $script, @args;
    $die->("cannot run the script: $!");
  }
  if (!defined $pid) { put($rec, '>', "0 0\n$launch\nfail cannot fork: $!\n"); print "end\t$id\n"; }
  else { $jobs{$pid} = [$id, $rec]; print "start\t$id\t$pid\n"; }
  POSIX::sigprocmask(POSIX::SIG_UNBLOCK(), $chld);
}
# sysread, not <STDIN>: a SIGCHLD during a buffered read would leave the handle in error.
# select with a timeout, and a reap at every wake: a SIGCHLD that comes just before the
# wait (Perl runs handlers between operations) must not leave a job unrecorded.
my $buf = '';
while (1) {
  my $rin = '';
  vec($rin, fileno(STDIN), 1) = 1;
  my $ready = select(my $rout = $rin, undef, undef, 0.1);
  reap();
  next if $ready <= 0;
  my $n = sysread(STDIN, $buf, 65536, length($buf));
  if (!defined $n) { next if $!{EINTR}; last; }
  last if $n == 0;
  while ((my $i = index($buf, "\n")) >= 0) {
    my $line = substr($buf, 0, $i);
    substr($buf, 0, $i + 1) = '';
    launch($line);
  }
}
$eof = 1;
while (%jobs) { sleep(1); reap(); }
