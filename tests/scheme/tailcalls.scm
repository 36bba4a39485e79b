;; Proper tail calls: each loop below runs ten million (or a million)
;; iterations, far more than any non-tail recursion could hold in the
;; memory a test has, so each must run in constant space.

(define (show . xs) (for-each display xs) (newline))

(define big 10000000)

;; named let
(show (let loop ((i 0)) (if (< i big) (loop (+ i 1)) i)))

;; mutual recursion between two top-level procedures
(define (my-even? n) (if (= n 0) #t (my-odd? (- n 1))))
(define (my-odd? n) (if (= n 0) #f (my-even? (- n 1))))
(show (my-even? big) " " (my-odd? 7))

;; apply calls its procedure in tail position
(define (count-apply n) (if (= n 0) 'apply-done (apply count-apply (list (- n 1)))))
(show (count-apply big))

;; the procedure of a cond => clause is called in tail position
(define (count-cond n)
  (cond ((= n 0) 'cond-done)
        ((- n 1) => count-cond)))
(show (count-cond big))

;; and the rest with a million iterations: tail positions in and, or,
;; when, case =>, do bodies, call/cc, call-with-values and dynamic-wind's
;; caller.
(define small 1000000)
(define (count-and-or n) (or (= n 0) (and #t (count-and-or (- n 1)))))
(show (count-and-or small))
(define (count-when n) (when (>= n 0) (if (= n 0) 'when-done (count-when (- n 1)))))
(show (count-when small))
(define (count-case n)
  (case (if (= n 0) 'stop 'go)
    ((stop) 'case-done)
    (else => (lambda (ignored) (count-case (- n 1))))))
(show (count-case small))
(define (count-callcc n)
  (if (= n 0) 'callcc-done (call/cc (lambda (k) (count-callcc (- n 1))))))
(show (count-callcc small))
(define (count-values n)
  (if (= n 0)
      'values-done
      (call-with-values (lambda () (values (- n 1))) count-values)))
(show (count-values small))
(define (count-let n)
  (let ((m (- n 1)))
    (let* ((k m))
      (letrec ((z k))
        (if (< z 0) 'let-done (begin (count-let z)))))))
(show (count-let small))
