;; pp and pretty-print write as write does, on lines of at most 79
;; columns: short data stay on one line; a binding form's body is indented
;; by two; a call's arguments line up under its first one; atoms fill
;; their lines.
(pp '(a "b" #\c 1.5))
(pretty-print (vector 1 'two "three"))
(pp '(define (walk tree visit) (cond ((null? tree) 'done) ((pair? tree) (walk (car tree) visit) (walk (cdr tree) visit)) (else (visit tree)))))
(pp '(let loop ((i 0) (acc '())) (if (< i 10) (loop (+ i 1) (cons (* i i i) acc)) (reverse-the-list-of-cubes acc))))
(pp (iota 30 1000))
(pp (list (make-list 12 'alpha) (make-list 12 'beta)))
(pp (list->vector (map (lambda (i) (cons i (make-string 20 #\x))) (iota 4))))
(pp '(some-procedure-with-a-long-name (first-argument-is-long 1 2 3) (second-argument-is-long 4 5 6)))
(pp '(f (very-long-argument-name-number-one-that-goes-on) . and-an-improper-tail-that-is-long))
(define c (list 1 2 3))
(set-cdr! (cddr c) c)
(pp c)
(let ((port (open-output-string)))
  (pp '(1 2) port)
  (write (get-output-string port))
  (newline))
