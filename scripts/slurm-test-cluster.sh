#!/usr/bin/env bash
# A one-node Slurm for the real-Slurm suite: munge, slurmdbd (on the machine's MariaDB),
# slurmctld and slurmd, with two partitions (batch, the default, and short: 5 minutes at most).
#
#   scripts/slurm-test-cluster.sh up     install what is missing, configure, start (idempotent)
#   scripts/slurm-test-cluster.sh down   stop what `up` started
#   scripts/slurm-test-cluster.sh status says whether it answers
#
# Run as root, on a machine without systemd (daemons are started by hand). The cluster's
# Slurm name is `guangci`; its state lives in /var/lib/guang-slurm-test.
set -euo pipefail

CLUSTER=guangci
STATE=/var/lib/guang-slurm-test
CONF=/etc/slurm
HOST=$(hostname -s)
DB_PASS=guang-slurm-test

log() { printf 'slurm-test-cluster: %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  command -v munged >/dev/null || [ -x /usr/sbin/munged ] || missing+=(munge)
  [ -x /usr/sbin/slurmctld ] || missing+=(slurm-wlm)
  [ -x /usr/sbin/slurmdbd ] || missing+=(slurmdbd)
  if ! command -v mariadb >/dev/null && ! command -v mysql >/dev/null; then missing+=(mariadb-server); fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

write_config() {
  mkdir -p "$STATE"/{ctld,d,log} /run/munge
  chown -R slurm:slurm "$STATE"
  chown munge:munge /run/munge
  local cpus mem
  cpus=$(nproc)
  mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
  cat > "$CONF/slurm.conf" <<CONF
# Written by scripts/slurm-test-cluster.sh
ClusterName=$CLUSTER
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=500
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=2
PriorityType=priority/multifactor
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=127.0.0.1
AccountingStorageEnforce=associations,limits,qos
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=5
JobCompType=jobcomp/none
MinJobAge=60
KillWait=2
ReturnToService=2
MpiDefault=none
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=batch Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
PartitionName=short Nodes=$HOST MaxTime=5 State=UP
CONF
  cat > "$CONF/slurmdbd.conf" <<CONF
# Written by scripts/slurm-test-cluster.sh
AuthType=auth/munge
DbdHost=localhost
DbdAddr=127.0.0.1
SlurmUser=slurm
PidFile=$STATE/slurmdbd.pid
LogFile=$STATE/log/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=3306
StorageUser=slurm
StoragePass=$DB_PASS
StorageLoc=slurm_acct_db_guangci
CONF
  chown slurm:slurm "$CONF/slurmdbd.conf"
  chmod 600 "$CONF/slurmdbd.conf"
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() {
  local what=$1; shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  log "$what did not come up; its log:"; tail -20 "$STATE/log/$what.log" >&2 || true
  return 1
}

up() {
  [ "$(id -u)" = 0 ] || { log "run me as root"; exit 1; }
  install_packages
  write_config
  if ! pgrep -x munged >/dev/null; then
    log "starting munged"
    su -s /bin/sh munge -c /usr/sbin/munged
    touch "$STATE/started-munged"
  fi
  if ! mysqladmin ping >/dev/null 2>&1; then
    log "starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    touch "$STATE/started-mariadb"
    wait_for mariadb mysqladmin ping
  fi
  mysql -e "create database if not exists slurm_acct_db_guangci; create user if not exists 'slurm'@'localhost' identified by '$DB_PASS'; create user if not exists 'slurm'@'127.0.0.1' identified by '$DB_PASS'; grant all on slurm_acct_db_guangci.* to 'slurm'@'localhost'; grant all on slurm_acct_db_guangci.* to 'slurm'@'127.0.0.1'"
  if ! running "$STATE/slurmdbd.pid"; then
    log "starting slurmdbd"
    /usr/sbin/slurmdbd
    wait_for slurmdbd sacctmgr -n list cluster
  fi
  if ! sacctmgr -n -P list cluster format=cluster | grep -qx "$CLUSTER"; then sacctmgr -i add cluster "$CLUSTER" >/dev/null; fi
  if ! running "$STATE/slurmctld.pid"; then
    log "starting slurmctld"
    /usr/sbin/slurmctld
    wait_for slurmctld scontrol ping
  fi
  if ! running "$STATE/slurmd.pid"; then
    log "starting slurmd"
    /usr/sbin/slurmd
  fi
  wait_for slurmd sh -c "sinfo -h -N -o %T | grep -Eq 'idle|mixed|alloc'"
  scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true
  log "up: cluster $CLUSTER, node $HOST, partitions batch (default) and short"
}

down() {
  for d in slurmd slurmctld slurmdbd; do
    if running "$STATE/$d.pid"; then kill "$(cat "$STATE/$d.pid")" 2>/dev/null || true; fi
  done
  sleep 1
  if [ -f "$STATE/started-munged" ]; then pkill -x munged || true; rm -f "$STATE/started-munged"; fi
  if [ -f "$STATE/started-mariadb" ]; then mysqladmin shutdown || true; rm -f "$STATE/started-mariadb"; fi
  log "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) scontrol ping && sinfo ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
