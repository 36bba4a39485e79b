(import (scheme base) (scheme write) (srfi 1) (srfi 132))

(include "lib/check.scm")

;; A closure, so that the sorts run in Scheme, and a primitive, so that
;; they run in Go: both must give the same answers.
(define (lt a b) (< a b))
(define (car< a b) (< (car a) (car b)))

;; Predicates
(check 'list-sorted? (list-sorted? < '(1 2 2 3)) #t)
(check 'list-sorted?-no (list-sorted? < '(1 3 2)) #f)
(check 'list-sorted?-empty (list (list-sorted? < '()) (list-sorted? < '(5))) '(#t #t))
(check 'vector-sorted? (vector-sorted? < #(1 2 2 3)) #t)
(check 'vector-sorted?-no (vector-sorted? < #(3 1 2)) #f)
(check 'vector-sorted?-range (vector-sorted? < #(3 1 2 0) 1 3) #t)
(check 'vector-sorted?-start (vector-sorted? < #(3 1 2) 1) #t)
(check 'vector-sorted?-empty (vector-sorted? < #() 0 0) #t)

;; Sorting lists
(define data '(5 3 9 1 3 7 2 8 0 6 4))
(define sorted '(0 1 2 3 3 4 5 6 7 8 9))
(check 'list-sort (list-sort < data) sorted)
(check 'list-sort-closure (list-sort lt data) sorted)
(check 'list-sort-desc (list-sort > data) (reverse sorted))
(check 'list-sort-empty (list (list-sort < '()) (list-sort lt '(1))) '(() (1)))
(check 'list-sort-input-intact (begin (list-sort lt data) data) '(5 3 9 1 3 7 2 8 0 6 4))
(check 'list-stable-sort
       (list-stable-sort car< '((2 . a) (1 . b) (2 . c) (1 . d) (0 . e) (2 . f)))
       '((0 . e) (1 . b) (1 . d) (2 . a) (2 . c) (2 . f)))
(check 'list-sort-stable
       (list-sort car< '((1 . a) (0 . b) (1 . c) (0 . d)))
       '((0 . b) (0 . d) (1 . a) (1 . c)))
(check 'list-sort! (list-sort! < (list 3 1 2)) '(1 2 3))
(check 'list-stable-sort! (list-stable-sort! car< (list '(1 . x) '(0 . y) '(1 . z)))
       '((0 . y) (1 . x) (1 . z)))
(check 'list-sort-strings (list-sort string<? '("pear" "apple" "fig")) '("apple" "fig" "pear"))
(check 'list-sort-chars (list-sort char<? '(#\c #\a #\b)) '(#\a #\b #\c))
;; <= is not a strict order: equal elements come out in the same
;; (reversed) order from the Go and the Scheme sorts.
(check 'list-sort-<=-same
       (equal? (list-sort <= '(1 1.0 0 1)) (list-sort (lambda (a b) (<= a b)) '(1 1.0 0 1)))
       #t)
(check 'list-sort-type-error (error-message (lambda () (list-sort < '(1 a 2)))) "<: expected real number")
(check 'list-sort-improper (error-message (lambda () (list-sort lt '(2 1 . 0)))) "length: expected proper list")

;; Sorting vectors
(define vdata #(5 3 9 1 3 7 2 8 0 6 4))
(check 'vector-sort (vector-sort < vdata) (list->vector sorted))
(check 'vector-sort-closure (vector-sort lt vdata) (list->vector sorted))
(check 'vector-sort-intact vdata #(5 3 9 1 3 7 2 8 0 6 4))
(check 'vector-sort-range (vector-sort < vdata 2 6) #(1 3 7 9))
(check 'vector-sort-start (vector-sort < #(3 2 1 0) 1) #(0 1 2))
(check 'vector-stable-sort (vector-stable-sort car< #((1 . a) (0 . b) (1 . c) (0 . d)))
       #((0 . b) (0 . d) (1 . a) (1 . c)))
(check 'vector-sort! (let ((v (vector 3 1 2))) (vector-sort! < v) v) #(1 2 3))
(check 'vector-sort!-range (let ((v (vector 9 8 7 6 5 4))) (vector-sort! lt v 1 4) v) #(9 6 7 8 5 4))
(check 'vector-stable-sort!
       (let ((v (vector '(1 . a) '(0 . b) '(1 . c) '(0 . d)))) (vector-stable-sort! car< v) v)
       #((0 . b) (0 . d) (1 . a) (1 . c)))
(check 'vector-sort-bad-range (error-message (lambda () (vector-sort < #(1 2) 1 3))) "vector-sort: bad subrange")

;; Merging
(check 'list-merge (list-merge < '(1 3 5 7) '(2 3 4 8 9)) '(1 2 3 3 4 5 7 8 9))
(check 'list-merge-stable (list-merge car< '((1 . a) (2 . a)) '((1 . b) (2 . b) (3 . b)))
       '((1 . a) (1 . b) (2 . a) (2 . b) (3 . b)))
(check 'list-merge-empty (list (list-merge < '() '(1)) (list-merge < '(1) '())) '((1) (1)))
(check 'list-merge-intact
       (let ((a (list 1 4)) (b (list 2 3)))
         (list-merge < a b)
         (list a b))
       '((1 4) (2 3)))
(check 'list-merge! (list-merge! < (list 1 3 5) (list 2 4 6 8)) '(1 2 3 4 5 6 8))
(check 'list-merge!-stable (list-merge! car< (list '(0 . a) '(1 . a)) (list '(0 . b) '(1 . b)))
       '((0 . a) (0 . b) (1 . a) (1 . b)))
(check 'list-merge!-cells
       (let* ((a (list 1 5)) (b (list 2 3)) (m (list-merge! < a b)))
         (and (eq? m a) (eq? (cdr m) b)))
       #t)
(check 'vector-merge (vector-merge < #(1 3 5) #(2 4 6 8)) #(1 2 3 4 5 6 8))
(check 'vector-merge-stable (vector-merge car< #((1 . a)) #((0 . b) (1 . b)))
       #((0 . b) (1 . a) (1 . b)))
(check 'vector-merge-ranges (vector-merge < #(9 1 3 9) #(0 2 4 9) 1 3 1 3) #(1 2 3 4))
(check 'vector-merge! (let ((to (make-vector 7 'x)))
                        (vector-merge! < to #(1 5) #(2 3 9) 1)
                        to)
       #(x 1 2 3 5 9 x))
(check 'vector-merge!-ranges (let ((to (make-vector 3 'x)))
                               (vector-merge! < to #(0 4 5) #(3 9) 0 1 3 0 1)
                               to)
       #(3 4 5))

;; Deleting neighbor duplicates
(check 'list-delete-neighbor-dups (list-delete-neighbor-dups = '(1 1 2 7 7 7 0 -2 -2)) '(1 2 7 0 -2))
(check 'list-delete-neighbor-dups-empty (list-delete-neighbor-dups = '()) '())
(check 'list-delete-neighbor-dups-first
       (list-delete-neighbor-dups (lambda (a b) (= (car a) (car b))) '((1 . a) (1 . b) (2 . c)))
       '((1 . a) (2 . c)))
(check 'list-delete-neighbor-dups-intact
       (let ((l (list 1 1 2))) (list-delete-neighbor-dups = l) l) '(1 1 2))
(check 'list-delete-neighbor-dups! (list-delete-neighbor-dups! = (list 1 1 2 7 7 7 0 -2 -2)) '(1 2 7 0 -2))
(check 'list-delete-neighbor-dups!-cells
       (let* ((l (list 1 1 2)) (r (list-delete-neighbor-dups! = l))) (and (eq? r l) l))
       '(1 2))
(check 'vector-delete-neighbor-dups (vector-delete-neighbor-dups = #(1 1 2 7 7 7 0 -2 -2)) #(1 2 7 0 -2))
(check 'vector-delete-neighbor-dups-range (vector-delete-neighbor-dups = #(1 1 2 7 7 7 0 -2 -2) 3 7)
       #(7 0))
(check 'vector-delete-neighbor-dups-empty (vector-delete-neighbor-dups = #()) #())
(check 'vector-delete-neighbor-dups!
       (let ((v (vector 0 0 0 1 1 2 2 3 3 4 4 5 5 6 6)))
         (cons (vector-delete-neighbor-dups! = v 3) v))
       '(9 . #(0 0 0 1 2 3 4 5 6 4 4 5 5 6 6)))
(check 'vector-delete-neighbor-dups!-range
       (let ((v (vector 1 1 1 2 2)))
         (cons (vector-delete-neighbor-dups! = v 1 4) v))
       '(3 . #(1 1 2 2 2)))

;; Medians and selection
(check 'vector-find-median (vector-find-median < #(5 3 1 4 2) 'none) 3)
(check 'vector-find-median-even (vector-find-median < #(4 1 3 2) 'none) 5/2)
(check 'vector-find-median-empty (vector-find-median < #() 'none) 'none)
(check 'vector-find-median-mean (vector-find-median < #(4 1 3 2) 'none list) '(2 3))
(check 'vector-find-median-intact (let ((v (vector 3 1 2))) (vector-find-median < v 0) v) #(3 1 2))
(check 'vector-find-median-closure (vector-find-median lt #(7 7 1 7 2 7) #f) 7)
(check 'vector-find-median! (let ((v (vector 4 1 3 2))) (list (vector-find-median! < v 'none) v))
       '(5/2 #(1 2 3 4)))
(check 'vector-find-median!-odd (vector-find-median! < (vector 9 1 5) #f) 5)
(check 'vector-select!
       (map (lambda (k) (vector-select! < (vector 5 3 9 1 3 7 2 8 0 6 4) k)) (iota 11))
       sorted)
(check 'vector-select!-range
       (let ((v (vector 100 5 3 9 1 -100)))
         (list (vector-select! < v 0 1 5) (vector-select! < v 3 1 5) (vector-ref v 0) (vector-ref v 5)))
       '(1 9 100 -100))
(check 'vector-select!-dups (vector-select! < (vector 2 2 2 1 2 2) 0) 1)
(check 'vector-select!-bad (error-message (lambda () (vector-select! < (vector 1 2) 2)))
       "vector-select!: index out of range")
(check 'vector-separate!
       (let ((v (vector 5 3 9 1 3 7 2 8 0 6 4)))
         (vector-separate! < v 4)
         (list (list-sort < (vector->list v 0 4)) (list-sort < (vector->list v 4))))
       '((0 1 2 3) (3 4 5 6 7 8 9)))
(check 'vector-separate!-range
       (let ((v (vector 'x 4 3 2 1 'y)))
         (vector-separate! < v 2 1 5)
         (list (vector-ref v 0) (list-sort < (vector->list v 1 3)) (list-sort < (vector->list v 3 5))
               (vector-ref v 5)))
       '(x (1 2) (3 4) y))
(check 'vector-separate!-all
       (let ((v (vector 2 1))) (vector-separate! < v 2) (list-sort < (vector->list v)))
       '(1 2))

;; Larger inputs: the Go and Scheme sorts agree, and are stable.
(define (pseudo-random-list n)
  (let loop ((i 0) (x 12345) (acc '()))
    (if (= i n)
        acc
        (loop (+ i 1) (modulo (+ (* x 1103515245) 12345) 2147483648) (cons (modulo x 1000) acc)))))
(define big (pseudo-random-list 20000))
(define big-go (list-sort < big))
(define big-scheme (list-sort lt big))
(check 'big-sorted (list-sorted? < big-go) #t)
(check 'big-agree (equal? big-go big-scheme) #t)
(check 'big-length (length big-scheme) 20000)
(define tagged (let loop ((l big) (i 0) (acc '()))
                 (if (null? l) (reverse acc) (loop (cdr l) (+ i 1) (cons (cons (car l) i) acc)))))
(check 'big-stable
       (let loop ((l (list-sort car< tagged)))
         (or (null? (cdr l))
             (and (or (< (caar l) (caadr l))
                      (and (= (caar l) (caadr l)) (< (cdar l) (cdadr l))))
                  (loop (cdr l)))))
       #t)
(check 'big-vector (vector-sorted? < (vector-sort lt (list->vector big))) #t)
(check 'big-median (vector-find-median < (list->vector big) #f)
       (let ((v (list->vector big-go))) (/ (+ (vector-ref v 9999) (vector-ref v 10000)) 2)))
(check 'big-dups (length (list-delete-neighbor-dups = big-go)) (length (delete-duplicates big)))

;; A million elements: in Go with <, and a tenth of that in Scheme.
(define (pseudo-random-ints n)
  (let loop ((i 0) (x 42) (acc '()))
    (if (= i n)
        acc
        (loop (+ i 1) (modulo (+ (* x 1103515245) 12345) 2147483648) (cons x acc)))))
(define million (pseudo-random-ints 1000000))
(check 'million-sorted (list-sorted? < (list-sort < million)) #t)
(check 'million-vector (vector-sorted? < (vector-sort < (list->vector million))) #t)
(define hundred-thousand (list-tail million 900000))
(check 'hundred-thousand-closure
       (equal? (list-sort lt hundred-thousand) (list-sort < hundred-thousand))
       #t)
