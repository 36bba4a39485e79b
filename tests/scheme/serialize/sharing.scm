;; Shared and cyclic structure survives: what was eq? stays eq?.

(define (show . xs) (for-each display xs) (newline))
(define (copy x) (deserialize (serialize x)))

(define s (string #\a #\b))
(define pair (copy (cons s s)))
(show (eq? (car pair) (cdr pair)) " " (eq? (car pair) s))

;; A circular list.
(define l (list 1 2 3))
(set-cdr! (cddr l) l)
(define lc (copy l))
(show (eq? lc (cdddr lc)) " " (list-ref lc 4))

;; A vector that holds itself, and a pair whose car is itself.
(define v (vector 'me #f))
(vector-set! v 1 v)
(define vc (copy v))
(show (eq? vc (vector-ref vc 1)))
(define p (cons #f 'x))
(set-car! p p)
(define pc (copy p))
(show (eq? pc (car pc)) " " (cdr pc))
(write-shared pc)
(newline)

;; Two lists that share a tail, written in one message.
(define tail (list 'x 'y))
(define two (copy (list (cons 'a tail) (cons 'b tail))))
(show (eq? (cdr (car two)) (cdr (cadr two))))

;; Nothing is shared between two messages, nor with the original.
(show (eq? (copy s) (copy s)))

;; A long list and a deeply nested one take no stack.
(show (length (copy (iota 1000000))))
(define (nest n) (let loop ((i 0) (x '())) (if (= i n) x (loop (+ i 1) (list x)))))
(define deep (copy (nest 100000)))
(show (let loop ((x deep) (d 0)) (if (null? x) d (loop (car x) (+ d 1)))))
