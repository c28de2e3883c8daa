/**
 * The job launcher, in Perl (perl-base is on every Debian machine). Why not Node: forking
 * costs time in proportion to the forking process's memory, and the server's is large
 * (~3.6 ms a job); this process is tiny (~0.1 ms). It reads launch requests on stdin, one per
 * line, and forks a supervisor per job, which:
 * - starts a new session (the job's process tree; it outlives the server), writes its pid,
 *   kernel start time and the launch record to <run>/<id>.job, and stays root when the server is;
 * - forks the job: drop to the user's uid/gid, chdir, open the output files as that user,
 *   set the environment, bind to its cores (sched_setaffinity called directly: a `taskset`
 *   exec would cost more than the rest of the launch), exec the script;
 * - waits, appends "code signal cpu-seconds" (or "fail message") to <run>/<id>.job, then
 *   says "end <id>" to the server.
 * Lines out: "start ID PID", "end ID". Fields in: tab-separated, %XX-escaped.
 */
export const SUPERVISOR_PERL = String.raw`
use strict; use warnings; use POSIX ();
$SIG{CHLD} = 'IGNORE'; $SIG{PIPE} = 'IGNORE'; $| = 1;
my $affinity = $ARGV[0] // '';
sub unesc { my $x = shift; $x =~ s/%([0-9A-Fa-f]{2})/chr(hex($1))/ge; return $x; }
sub put { my ($path, $mode, $text) = @_; open(my $f, $mode, $path) or return; print $f $text; close($f); }
while (my $line = <STDIN>) {
  chomp $line;
  my ($id, $run, $workdir, $uid, $gid, $cores, $out, $err, $script, $launch, @env) = map { unesc($_) } split(/\t/, $line, -1);
  my $rec = "$run/$id.job";
  my $pid = fork();
  if (!defined $pid) { put($rec, '>', "0 0\n$launch\nfail cannot fork: $!\n"); print "end\t$id\n"; next; }
  if ($pid) { print "start\t$id\t$pid\n"; next; }
  # the supervisor
  $SIG{CHLD} = 'DEFAULT';
  POSIX::setsid();
  my $stat = do { open(my $s, '<', '/proc/self/stat'); local $/; <$s> };
  my @f = split(/ /, substr($stat, rindex($stat, ')') + 2));
  put($rec, '>', "$$ $f[19]\n$launch\n");
  pipe(my $r, my $w) or do { put($rec, '>>', "fail pipe: $!\n"); print "end\t$id\n"; POSIX::_exit(0) };
  my $job = fork();
  if (defined $job && $job == 0) {
    close($r);
    my $die = sub { print $w shift; close($w); POSIX::_exit(127) };
    if ($gid ne '') { $) = "$gid $gid"; $( = $gid; $die->("cannot switch to group $gid: $!") if (split(' ', $())[0] != $gid; }
    if ($uid ne '') { $< = $> = $uid; $die->("cannot switch to user $uid: $!") if $< != $uid || $> != $uid; }
    chdir($workdir) or $die->("cannot enter the working directory $workdir: $!");
    open(STDIN, '<', '/dev/null');
    open(STDOUT, '>', $out) or $die->("cannot open the output file $out: $!");
    if ($err eq $out) { open(STDERR, '>&', \*STDOUT) or $die->("cannot open $err: $!"); }
    else { open(STDERR, '>', $err) or $die->("cannot open the error file $err: $!"); }
    %ENV = @env;
    if ($cores ne '' && $affinity ne '') {
      my $mask = "\0" x 128;
      vec($mask, $_, 1) = 1 for split(/,/, $cores);
      syscall($affinity, 0, length($mask), $mask) == 0 or $die->("cannot bind to cores $cores: $!");
      $cores = '';
    }
    my $ok = $cores ne '' ? exec { 'taskset' } 'taskset', '-c', $cores, $script : exec { $script } $script;
    $die->("cannot run the script: $!");
  }
  close($w);
  if (!defined $job) { put($rec, '>>', "fail cannot fork: $!\n"); print "end\t$id\n"; POSIX::_exit(0); }
  my $why = do { local $/; <$r> } // '';
  waitpid($job, 0);
  my $st = $?;
  my (undef, undef, $cu, $cs) = times();
  if ($why ne '') { put($rec, '>>', "fail $why\n"); }
  else { put($rec, '>>', sprintf("%d %d %.3f\n", ($st & 127) ? 0 : $st >> 8, $st & 127, $cu + $cs)); }
  print "end\t$id\n";
  POSIX::_exit(0);
}
`;
