;; Run with: bin/termite examples/hello.scm [NAME]
(define (greet name)
  (string-append "Hello, " name "!"))

(let ((args (cdr (command-line))))
  (display (greet (if (null? args) "world" (car args))))
  (newline))
