#!/usr/bin/env bash
# Startup to first screen: launch the client jar in a fresh tmux pane, poll the pane every 5 ms
# until the first screen's text appears; prints milliseconds.
jar=$1; shift; text=$1; shift
sock=startup-$$
export LC_ALL=C.UTF-8
tmux -u -L $sock -f /dev/null new-session -d -s s -x 80 -y 24 "sleep 60"
start=$(date +%s%N)
tmux -L $sock respawn-pane -k -t s "env XDG_CONFIG_HOME=/tmp/startup-conf java -jar $jar $*; sleep 60"
until tmux -L $sock capture-pane -p -t s | grep -q "$text"; do sleep 0.005; done
end=$(date +%s%N)
tmux -L $sock kill-server; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
echo $(( (end - start) / 1000000 ))
