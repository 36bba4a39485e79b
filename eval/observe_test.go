package eval_test

import (
	"testing"

	rt "termite/runtime"
)

// The registry and the process list are Go methods too, for tools (the
// REPL, publish-service) that call them between evaluations.
func TestRegistryFromGo(t *testing.T) {
	in := newInterp(t)
	v, err := in.RunSource([]byte(`(define w (spawn (? ))) (register 'worker w) (sleep 0.01) w`), "r.scm")
	if err != nil {
		t.Fatal(err)
	}
	w := v.(*rt.Pid)
	worker, other := rt.Intern("worker"), rt.Intern("other")
	if got := in.Whereis(worker); got != w {
		t.Errorf("Whereis(worker) = %v, want %v", got, w)
	}
	if err := in.Register(other, w); err == nil {
		t.Error("a second name for one process was accepted")
	}
	if got := in.Processes(); len(got) != 1 || got[0] != w {
		t.Errorf("Processes() = %v, want only the worker (the main process has ended)", got)
	}
	info, err := in.ProcessInfo(w)
	if err != nil || info == nil || info.Status != "waiting" || info.Name != worker {
		t.Errorf("ProcessInfo = %+v, %v", info, err)
	}
	if _, err := in.RunSource([]byte(`(kill w)`), "r.scm"); err != nil {
		t.Fatal(err)
	}
	if in.Whereis(worker) != nil || len(in.Registered()) != 0 {
		t.Errorf("the name outlived its process: %v", in.Registered())
	}
	if info, err := in.ProcessInfo(w); info != nil || err != nil {
		t.Errorf("ProcessInfo of a dead process = %+v, %v; want nil, nil", info, err)
	}
	remote := &rt.Pid{ID: 7, Node: "127.0.0.1:9"}
	if _, err := in.ProcessInfo(remote); err == nil {
		t.Error("ProcessInfo of a remote pid gave no error")
	}
	if err := in.Register(other, remote); err == nil {
		t.Error("a remote pid was registered")
	}
}
