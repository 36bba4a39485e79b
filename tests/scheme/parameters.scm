;; Parameters: make-parameter with and without a converter, parameterize,
;; and the parameter's value across escapes and re-entries.

(define (show . xs) (for-each display xs) (newline))

(define radix (make-parameter 10))
(show (radix))
(parameterize ((radix 2)) (show (radix)))
(show (radix))
(parameterize ((radix 16))
  (show (radix))
  (parameterize ((radix 8)) (show (radix)))
  (show (radix)))

;; the converter is applied to the initial value and to each
;; parameterized value
(define p (make-parameter 10 (lambda (x) (if (string? x) (string->number x) x))))
(show (p))
(parameterize ((p "12")) (show (p) " " (number? (p))))
(define q (make-parameter "5" string->number))
(show (+ (q) 1))

;; from R7RS 4.2.6
(define radix2
  (make-parameter
   10
   (lambda (x)
     (if (and (exact-integer? x) (<= 2 x 16))
         x
         (error "invalid radix")))))
(define (f n) (number->string n (radix2)))
(show (f 12))
(parameterize ((radix2 2)) (show (f 12)))
(show (f 12))
(show (guard (e ((error-object? e) (error-object-message e)))
        (parameterize ((radix2 0)) (f 12))))
(show (radix2))

;; several parameters at once; the values are computed before any is bound
(define a (make-parameter 1))
(define b (make-parameter 2))
(parameterize ((a (b)) (b (a))) (show (a) " " (b)))

;; an escape out of parameterize restores the outer value
(show (call/cc (lambda (esc) (parameterize ((radix 3)) (esc (radix))))) " " (radix))
(show (guard (e (#t (radix))) (parameterize ((radix 4)) (raise 'x))))

;; re-entering the body of a parameterize binds the parameter again
(define reenter #f)
(define n 0)
(define (test)
  (let ((result '()))
    (parameterize ((radix 7))
      (call/cc (lambda (c) (set! reenter c)))
      (set! result (cons (radix) result)))
    (set! n (+ n 1))
    (if (< n 2) (reenter #f))
    (show result " " (radix))))
(test)

;; a procedure sees the binding in force where it is called, not where it
;; was made
(define later (parameterize ((radix 5)) (lambda () (radix))))
(show (later) " " (parameterize ((radix 6)) (later)))
