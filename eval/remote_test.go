package eval

import (
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
