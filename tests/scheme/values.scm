;; Multiple values: values, call-with-values, the binding forms, and values
;; passed through continuations and dynamic-wind.

(define (show . xs) (for-each display xs) (newline))

(show (call-with-values (lambda () (values 1 2 3)) list))
(show (call-with-values (lambda () (values)) list))
(show (call-with-values (lambda () 5) (lambda (x) (* x x))))
(show (call-with-values * -))
(define (two) (values 1 2))
(show (call-with-values two cons))
(show (+ (values 1) 2))

(let-values (((a b) (values 1 2)) ((c . d) (values 3 4 5)) (all (values)))
  (show (list a b c d all)))
(let*-values (((a b) (values 1 2)) ((c) (values (+ a b))))
  (show (list a b c)))
(define-values (x y) (values 'x 'y))
(define-values all (values 1 2))
(define-values (h . t) (values 1))
(show x y " " all " " h " " t)
(show (let () (define-values (q r) (floor/ 17 5)) (list q r)))

;; the arithmetic procedures that return two values
(show (call-with-values (lambda () (floor/ -7 2)) list))
(show (call-with-values (lambda () (truncate/ -7 2)) list))
(show (call-with-values (lambda () (exact-integer-sqrt 17)) list))

;; a continuation accepts as many values as its context does
(show (call-with-values (lambda () (call/cc (lambda (k) (k 1 2)))) list))
(show (call-with-values (lambda () (call/cc (lambda (k) (k)))) list))
(show (call-with-values
       (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f)))
       list))
(show (call-with-values (lambda () (guard (e (#t (values e 2))) (raise 1))) list))
(show (call-with-values (lambda () (if #t (values 'a 'b) 'c)) list))
(show (call-with-values (lambda () (let loop ((i 3)) (if (= i 0) (values 'x 'y) (loop (- i 1))))) list))
