package serialize_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"termite/eval"
	rt "termite/runtime"
	"termite/serialize"
)

// bitFlipSources are programs whose value is a closure or a continuation
// that exercises what the code checker must vouch for: boxed locals and
// free variables, letrec patches, calls of inlined primitives, deep
// frames, dynamic state.
var bitFlipSources = []string{
	`(define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n))) (make-counter)`,
	`(define (f x) (let loop ((i 0) (acc '())) (if (< i 5) (loop (+ i 1) (cons (* i x) acc)) (reverse acc)))) f`,
	`(define (g x) (letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1))))) (od? (lambda (n) (if (= n 0) #f (ev? (- n 1)))))) (ev? (if (number? x) 10 x)))) g`,
	`(define (h . xs) (let ((v (list->vector xs))) (vector-fill! v 0) (set! xs (vector->list v)) (lambda () (set! v 1) (length xs)))) (h 1 2 3)`,
	`(define k #f) (define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ 1 (deep (- n 1))))) (deep 4) k`,
	`(define k2 #f) (define (w) (let ((a 1)) (dynamic-wind (lambda () (set! a (+ a 1))) (lambda () (call/cc (lambda (c) (set! k2 c) a))) (lambda () a)))) (w) k2`,
	`(define p (make-parameter 1)) (define k3 #f) (parameterize ((p 2)) (let ((b 5)) (set! b (+ b (call/cc (lambda (c) (set! k3 c) 1)))) (list b (p)))) k3`,
	`(define (m x) (guard (e (#t (list 'caught e))) (if (pair? x) (car x) (raise (vector x (string-append "s" "t")))))) m`,
	`(define-record-type point (make-point x y) point? (x px set-px!) (y py)) (define (pr a) (let ((q (make-point a 2))) (set-px! q 9) (+ (px q) (py q)))) pr`,
	`(case-lambda ((x) (* x 2)) ((x y) (let ((z (+ x y))) (lambda () (set! z (- z 1)) z))))`,
}

// flipStats counts what the mutants of a bit-flip run came to.
type flipStats struct {
	mutants, refused, ran, internal, hangs int
	failures                               []string
}

// runMutant decodes one mutant in in, as a node decodes a frame (Owned,
// from a copy: the failures print data), and, if it is a procedure,
// calls it with a time limit. It reports an internal error or a hang as
// a failure.
func runMutant(in *eval.Interp, data []byte, st *flipStats) (hung bool) {
	st.mutants++
	ctx := serialize.ContextOf(in)
	type result struct {
		refused, ran bool
		err          error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("internal error: Go panic: %v", r)}
			}
		}()
		v, err := ctx.Decode(bytes.Clone(data), &serialize.DecodeOptions{Owned: true})
		if err != nil {
			done <- result{refused: true, err: err}
			return
		}
		if _, ok := v.(rt.Procedure); !ok {
			done <- result{}
			return
		}
		args := []rt.Value{rt.MakeFixnum(3)}
		if c, ok := v.(*eval.Closure); ok && c.Code != nil && c.Code.NParams != 1 {
			args = args[:0]
			for range c.Code.NParams {
				args = append(args, rt.MakeFixnum(3))
			}
		}
		stop := time.AfterFunc(100*time.Millisecond, in.Interrupt)
		defer stop.Stop()
		v, err = in.Apply(v, args...)
		if err == nil {
			_ = rt.WriteString(v)
		}
		done <- result{ran: true, err: err}
	}()
	select {
	case r := <-done:
		if r.refused {
			st.refused++
		}
		if r.ran {
			st.ran++
		}
		if r.err != nil && strings.Contains(r.err.Error(), "internal error") {
			st.internal++
			st.failures = append(st.failures, fmt.Sprintf("%v\n  mutant %x", r.err, data))
		}
		return false
	case <-time.After(3 * time.Second):
		st.hangs++
		st.failures = append(st.failures, fmt.Sprintf("hang\n  mutant %x", data))
		return true
	}
}

// TestBitFlip flips single bytes of serialized closures and continuations
// and decodes and runs each mutant: every one must be refused with an
// error object, or run to a value or a Scheme error, never a Go panic, an
// internal error or a hang. TERMITE_BITFLIP=N runs N mutants of each
// source instead of a sample, and prints the counts; TERMITE_BITFLIP_SEED
// picks another batch of mutants.
func TestBitFlip(t *testing.T) {
	perSource := 150
	if n, err := strconv.Atoi(os.Getenv("TERMITE_BITFLIP")); err == nil && n > 0 {
		perSource = n
	} else if testing.Short() {
		perSource = 30
	}
	var st flipStats
	seed := int64(11)
	if n, err := strconv.ParseInt(os.Getenv("TERMITE_BITFLIP_SEED"), 10, 64); err == nil {
		seed = n
	}
	rng := rand.New(rand.NewSource(seed))
	for _, src := range bitFlipSources {
		in := newInterp(t)
		good := encode(t, in, run(t, in, src))
		for range perSource {
			data := append([]byte(nil), good...)
			i := rng.Intn(len(data))
			if rng.Intn(2) == 0 {
				data[i] ^= 1 << rng.Intn(8)
			} else {
				data[i] = byte(rng.Intn(24))
			}
			if runMutant(in, data, &st) {
				in = newInterp(t) // the hung one is lost
			}
		}
	}
	t.Logf("%d mutants: %d refused, %d ran, %d internal errors, %d hangs",
		st.mutants, st.refused, st.ran, st.internal, st.hangs)
	for i, f := range st.failures {
		if i == 20 {
			t.Errorf("... and %d more", len(st.failures)-i)
			break
		}
		t.Error(f)
	}
}
