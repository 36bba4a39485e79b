package net

import (
	"testing"

	rt "termite/runtime"
)

// TestBigMessagesTravel sends strings and bytevectors large enough that
// the receiver's value keeps its bytes in the frame it read (a whole
// frame, or one put back together from fragments), as messages, as the
// argument of a request and as its answer, and checks that they come
// back equal, and still do after the receiver changed them.
func TestBigMessagesTravel(t *testing.T) {
	n, _ := serveNode(t, Options{Cookie: testCookie})
	log := &syncBuffer{}
	in, client := newInterp(t, Options{Cookie: testCookie}, log)
	defer client.Close()
	src := thereAndMe(n) + `
	  (define (echo)
	    (let ((m (?)))
	      (if (pair? m) (begin (! (car m) (cdr m)) (echo)))))
	  (define peer (remote-spawn there echo))
	  (define (bounce v) (! peer (cons me v)) (?))
	  ;; The echo changes what it got, then sends it back.
	  (define (changer)
	    (let ((m (?)))
	      (if (pair? m)
	          (let ((s (cdr m)))
	            (string-set! s 0 #\z)
	            (string-fill! s #\y 1 3)
	            (string-set! s 3 #\λ)
	            (! (car m) s)
	            (changer)))))
	  (define changing (remote-spawn there changer))
	  (define (changed s) (! changing (cons me s)) (?))
	  (define (check size)
	    (let* ((s (make-string size #\a))
	           (l (list s "small" (bytevector 1 2 3) s))
	           (bv (make-bytevector size 9))
	           (back (bounce l))
	           (c (changed (string-copy s)))
	           (expect (string-copy s)))
	      (string-set! expect 0 #\z)
	      (string-fill! expect #\y 1 3)
	      (string-set! expect 3 #\λ)
	      (list (equal? back l)
	            (eq? (car back) (cadddr back))
	            (equal? (bounce bv) bv)
	            (equal? c expect)
	            (equal? (bounce c) expect)
	            (= size (on there (lambda () (string-length s))))
	            (equal? (on there (lambda () (make-string size #\q))) (make-string size #\q)))))`
	if _, err := in.RunSource([]byte(src), "setup"); err != nil {
		t.Fatal(err, log.String())
	}
	// Whole frames, a frame just over the fragment size, several
	// fragments.
	for _, size := range []string{"5000", "60000", "70000", "300000"} {
		v, err := in.RunSource([]byte("(check "+size+")"), "check")
		if err != nil {
			t.Fatalf("%s: %v\n%s", size, err, log.String())
		}
		if got := rt.WriteString(v); got != "(#t #t #t #t #t #t #t)" {
			t.Errorf("%s characters: %s", size, got)
		}
	}
}
