package serialize_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// scriptA captures its continuation in the middle of a loop, writes it to
// the file named on its command line, and exits. Resumed elsewhere, the
// continuation finishes the loop and runs the rest of the script, whose
// last forms use procedures and variables that only the script defines.
const scriptA = `(define (show . xs) (for-each display xs) (newline))
(define out-file (cadr (command-line)))
(define (save! k)
  (let ((port (open-binary-output-file out-file)))
    (write-bytevector (serialize k) port)
    (close-port port)))
(define total 0)
(define (report) (show "total = " total))
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(define origin (make-point 0 0))
(define (loop i)
  (when (< i 5)
    (when (= i 2)
      (let ((v (call/cc (lambda (k) k))))
        (cond ((procedure? v)
               (save! v)
               (show "A saved its continuation at i = " i)
               (exit 0))
              (else (show "resumed with " v)))))
    (set! total (+ total i))
    (show "i = " i)
    (loop (+ i 1))))
(loop 0)
(show "after the loop")
(report)
(show "origin: " (point-x origin) "," (point-y origin) " " (point? origin))
(show "end of script A")
`

// scriptB knows nothing of A: it reads the continuation and calls it.
const scriptB = `(define in-port (open-binary-input-file (cadr (command-line))))
(define data (read-bytevector 100000000 in-port))
((deserialize data) 'hello-from-B)
(display "B goes on: wrong")
`

// TestMigrateContinuation runs script A with one termite process and
// resumes its continuation in another, which never loaded A.
func TestMigrateContinuation(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the termite binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "termite")
	build := exec.Command("go", "build", "-o", bin, "termite/cmd/termite")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for name, src := range map[string]string{"a.scm": scriptA, "b.scm": scriptB} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kfile := filepath.Join(dir, "k.cbor")
	termite := func(script string) string {
		cmd := exec.Command(bin, script, kfile)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("termite %s: %v\n%s", script, err, out)
		}
		return string(out)
	}
	if got, want := termite("a.scm"), "i = 0\ni = 1\nA saved its continuation at i = 2\n"; got != want {
		t.Errorf("script A printed %q, want %q", got, want)
	}
	want := "resumed with hello-from-B\ni = 2\ni = 3\ni = 4\nafter the loop\ntotal = 10\norigin: 0,0 #t\nend of script A\n"
	if got := termite("b.scm"); got != want {
		t.Errorf("script B printed %q, want %q", got, want)
	}
}
