;; Non-tail recursion a million deep: the depth is limited only by the
;; stack limit (TERMITE_MAX_STACK, 256 MiB by default), never by Go's stack.

(define (show . xs) (for-each display xs) (newline))

(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define big (build 1000000))
(show (length big))

(define (my-map f l) (if (null? l) '() (cons (f (car l)) (my-map f (cdr l)))))
(show (length (my-map (lambda (x) (* x 2)) big)))

(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(show (sum big))

(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(show (count 1000000))

;; the library's own map and a fold written as a non-tail recursion
(show (length (map (lambda (x) (+ x 1)) big)))
(define (fold-right f init l) (if (null? l) init (f (car l) (fold-right f init (cdr l)))))
(show (fold-right (lambda (x acc) (max x acc)) 0 big))

;; and again, after the stack has been that deep once
(show (count 1000000))
