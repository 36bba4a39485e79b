package net

import (
	"bytes"
	"fmt"
	"testing"

	"termite/eval"
	rt "termite/runtime"
)

// TestEndedServicesAreSwept: a node whose processes each publish a
// service and end does not keep their services; publishing sweeps them
// whenever the table has doubled since the last sweep, so the table stays
// a small multiple of the live services, which still resolve.
func TestEndedServicesAreSwept(t *testing.T) {
	log := &syncBuffer{}
	in, n := newInterp(t, Options{Cookie: testCookie}, log)
	if _, err := n.Listen("127.0.0.1", 0); err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	const live, ended = 10, 5000
	// Each process publishes itself; the main process waits for the live
	// ones to say so, and for the others to be down.
	src := fmt.Sprintf(`
	  (define me (self))
	  (define (name prefix i) (string->symbol (string-append prefix (number->string i))))
	  (define live
	    (map (lambda (i) (spawn (publish-service (name "live-" i) (self)) (! me 'up) (?)))
	         (iota %d)))
	  (do ((i 0 (+ i 1))) ((= i %d))
	    (monitor (spawn (publish-service (name "ended-" i) (self)))))
	  (do ((i 0 (+ i 1))) ((= i %d)) (?))`, live, ended, live+ended)
	if _, err := in.RunSource([]byte(src), "publish"); err != nil {
		t.Fatal(err, log.String())
	}
	// RunSource ran the interpreter on this goroutine, and nothing else
	// runs it: its tables can be read here. A sweep keeps the live
	// services and that of the process publishing, and the next comes
	// when the table has doubled.
	if got := len(n.services); got > 2*(live+1) {
		t.Errorf("%d services published, %d live: %d kept", live+ended, live, got)
	}
	v, err := in.RunSource([]byte(fmt.Sprintf(`
	  (list (equal? (map (lambda (i) (resolve-service (name "live-" i))) (iota %d)) live)
	        (any (lambda (i) (resolve-service (name "ended-" i))) (iota %d)))`, live, ended)), "resolve")
	if err != nil {
		t.Fatal(err, log.String())
	}
	if got := rt.WriteString(v); got != "(#t #f)" {
		t.Errorf("(live services resolved, an ended one resolved) = %s, want (#t #f)", got)
	}
}

// TestSchemeSourceLoadsOnFirstUse: the procedures of net.scm, which runs
// when one of its names is first looked up, are the names that
// eval.DefinedNames finds in it: every definition the file makes, each
// bound once the first one is looked up.
func TestSchemeSourceLoadsOnFirstUse(t *testing.T) {
	in, n := newInterp(t, Options{Cookie: testCookie}, &syncBuffer{})
	defer n.Close()
	vars, keywords := eval.DefinedNames(schemeSource)
	if defs := bytes.Count(schemeSource, []byte("\n(define")); len(vars)+len(keywords) != defs {
		t.Errorf("DefinedNames found %d names, the file has %d definitions", len(vars)+len(keywords), defs)
	}
	before := in.LibraryLoads()
	for _, name := range vars {
		if _, ok := in.Lookup(name); !ok {
			t.Errorf("%s is not bound", name)
		}
	}
	if in.LibraryLoads() != before+1 {
		t.Errorf("looking the names up ran %d files, want 1", in.LibraryLoads()-before)
	}
}
