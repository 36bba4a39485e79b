package eval

import (
	"slices"
	"testing"

	rt "termite/runtime"
)

// TestImmigrateRefusesALiveProcess: a process that runs here cannot be
// adopted again (a duplicate or forged migration would orphan it).
func TestImmigrateRefusesALiveProcess(t *testing.T) {
	in := New(Options{})
	thunk := &rt.Primitive{Name: "thunk", Fn: func([]rt.Value) (rt.Value, error) { return rt.Unspecified, nil }}
	pid := in.SpawnThunk(thunk, nil)
	if err := in.Immigrate(&Emigrant{Pid: pid}, thunk); err == nil {
		t.Fatal("a live process was adopted again")
	}
	if !in.Local(pid) || pid.Proc.(*process).m == nil {
		t.Error("the live process was disturbed")
	}
	other := &rt.Pid{ID: 99, Node: "127.0.0.1:1"}
	if err := in.Immigrate(&Emigrant{Pid: other}, thunk); err != nil || !in.Local(other) {
		t.Errorf("a process from elsewhere was refused: %v", err)
	}
}

// trailNet is a network that records the Gone notices.
type trailNet struct {
	name string
	gone map[*rt.Pid][]string
}

func (n *trailNet) Send(*rt.Pid, rt.Value) {}
func (n *trailNet) Signal(Signal)          {}
func (n *trailNet) Name() string           { return n.name }
func (n *trailNet) Gone(pid *rt.Pid, forwarders []string) {
	n.gone[pid] = forwarders
}

// TestTrail checks that the nodes a process moved through are told when
// it ends, except the one where it ends, and that they then forget it.
func TestTrail(t *testing.T) {
	net := &trailNet{name: "127.0.0.1:3", gone: map[*rt.Pid][]string{}}
	in := New(Options{})
	in.SetNetwork(net)
	k := &rt.Primitive{Name: "k", Min: 1, Max: 1, Fn: func([]rt.Value) (rt.Value, error) { return rt.Unspecified, nil }}
	pid := &rt.Pid{ID: 7, Node: "127.0.0.1:1"}
	e := &Emigrant{Pid: pid, Trail: []string{"127.0.0.1:1", "127.0.0.1:3", "127.0.0.1:2"}}
	if err := in.Immigrate(e, k); err != nil {
		t.Fatal(err)
	}
	sleep, _ := in.Lookup("sleep")
	if _, err := in.Apply(sleep, rt.MakeFixnum(0)); err != nil {
		t.Fatal(err)
	}
	if got, want := net.gone[pid], []string{"127.0.0.1:1", "127.0.0.1:2"}; !slices.Equal(got, want) {
		t.Errorf("told %q that the process ended, want %q", got, want)
	}

	// Here it is the one that moved on: it forgets the process when told.
	away := &rt.Pid{ID: 8, Node: "127.0.0.1:3", At: "127.0.0.1:2"}
	in.sched.away[away] = struct{}{}
	in.Forget(away)
	if _, kept := in.sched.away[away]; kept || away.At != "" {
		t.Errorf("a process that ended elsewhere is still forwarded to %q", away.At)
	}
}
