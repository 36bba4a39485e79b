package stdlib

import (
	"testing"

	"termite/internal/benchprog"
)

// benchScheme runs setup once, then the expression call b.N times, in an
// interpreter with the library installed.
func benchScheme(b *testing.B, setup, call string) {
	benchprog.Run(b, newTestInterp(b), setup, call)
}

// alistSetup defines three 50-entry association lists, keyed by symbols,
// fixnums and strings, and a fresh copy of the key that a search finds
// last (strings: equal, not eq).
const alistSetup = `
(define (key-string i) (string-append "key-" (number->string i)))
(define (table make-key)
  (let loop ((i 0) (t '()))
    (if (= i 50) t (loop (+ i 1) (cons (cons (make-key i) i) t)))))
(define syms (table (lambda (i) (string->symbol (key-string i)))))
(define ints (table (lambda (i) (* i 1000))))
(define strs (table key-string))
(define sym-key (string->symbol (key-string 0)))
(define str-key (key-string 0))`

// times100 is a call of the expression e 100 times: in.Apply costs some
// 300 ns, more than a search.
func times100(e string) string {
	return "(let loop ((i 0)) (if (< i 100) (begin " + e + " (loop (+ i 1)))))"
}

// The searches below walk all 50 entries: what is measured is the walk,
// not the call. An op is 100 searches.
func BenchmarkAssq50(b *testing.B)  { benchScheme(b, alistSetup, times100(`(assq sym-key syms)`)) }
func BenchmarkAssv50(b *testing.B)  { benchScheme(b, alistSetup, times100(`(assv 0 ints)`)) }
func BenchmarkAssoc50(b *testing.B) { benchScheme(b, alistSetup, times100(`(assoc str-key strs)`)) }
func BenchmarkMemv50(b *testing.B) {
	benchScheme(b, alistSetup+`(define int-keys (map car ints))`, times100(`(memv 0 int-keys)`))
}

// BenchmarkAssqFirst finds the first entry: the cost of the call.
func BenchmarkAssqFirst(b *testing.B) {
	benchScheme(b, alistSetup, times100(`(assq (caar syms) syms)`))
}

// The list primitives that allocate: an op is 100 calls.
func BenchmarkList4(b *testing.B) { benchScheme(b, ``, times100(`(list 1 2 3 4)`)) }
func BenchmarkReverse10(b *testing.B) {
	benchScheme(b, `(define l (iota 10))`, times100(`(reverse l)`))
}
func BenchmarkAppend10(b *testing.B) {
	benchScheme(b, `(define l (iota 5)) (define m (iota 5))`, times100(`(append l m '(x))`))
}
func BenchmarkMap3(b *testing.B) {
	benchScheme(b, ``, times100(`(map car '((1) (2) (3)))`))
}
func BenchmarkMap5000(b *testing.B) {
	benchScheme(b, `(define l (iota 5000))`, `(map - l)`)
}
func BenchmarkMap10(b *testing.B) {
	benchScheme(b, `(define l (iota 10))`, times100(`(map car '((1) (2) (3) (4) (5) (6) (7) (8) (9) (10)))`))
}

// The string ports, a character at a time: an op reads or writes 1000.
const text1000 = `(define text (make-string 1000 #\a))`

func BenchmarkReadChar1000(b *testing.B) {
	benchScheme(b, text1000, `(let ((p (open-input-string text)))
	  (let loop ((c (read-char p))) (if (eof-object? c) #t (loop (read-char p)))))`)
}
func BenchmarkPctReadChar1000(b *testing.B) {
	benchScheme(b, text1000, `(let ((p (open-input-string text)))
	  (let loop ((c (%read-char p))) (if (eof-object? c) #t (loop (%read-char p)))))`)
}
func BenchmarkWriteChar1000(b *testing.B) {
	benchScheme(b, ``, `(let ((p (open-output-string)))
	  (let loop ((i 0)) (if (< i 1000) (begin (write-char #\a p) (loop (+ i 1))))) (get-output-string p))`)
}
func BenchmarkDisplayString1000(b *testing.B) {
	benchScheme(b, ``, `(let ((p (open-output-string)))
	  (let loop ((i 0)) (if (< i 1000) (begin (display "<item " p) (loop (+ i 1))))) (get-output-string p))`)
}

// BenchmarkItemString builds "<item 123/861>" as the strings benchmark
// program does: string-append of number->string's.
func BenchmarkItemString(b *testing.B) {
	benchScheme(b, `(define (item i) (string-append "<item " (number->string i) "/" (number->string (* i 7)) ">"))`,
		times100(`(item 123)`))
}

// BenchmarkListToString turns a reversed list of digits into a string.
func BenchmarkListToString(b *testing.B) {
	benchScheme(b, `(define ds '(#\3 #\2 #\1))`, times100(`(list->string ds)`))
}
