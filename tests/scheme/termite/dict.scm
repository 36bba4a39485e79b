;; Termite's dicts: equal?-keyed tables. Listings come in no particular
;; order: they are sorted here by the written form of their keys.

(define (written x)
  (let ((port (open-output-string)))
    (write x port)
    (get-output-string port)))

(define (sorted alist)
  (define (insert entry l)
    (if (or (null? l) (string<? (written (car entry)) (written (car (car l)))))
        (cons entry l)
        (cons (car l) (insert entry (cdr l)))))
  (let loop ((l alist) (acc '()))
    (if (null? l) acc (loop (cdr l) (insert (car l) acc)))))

(define d (make-dict))
(println (dict? d) " " (dict? '()) " " (dict? (make-hash-table eq?)))
(println (dict-ref d 'x))
(println (dict-ref d 'x 'none))
(dict-set! d 'x 1)
(dict-set! d "a string" 2)
(dict-set! d '(1 2 #(3 4)) 3)
(dict-set! d 2.5 4)
(dict-set! d 2 5)
(println (dict-ref d 'x) " " (dict-ref d (string #\a #\space #\s #\t #\r #\i #\n #\g))
         " " (dict-ref d (list 1 2 (vector 3 4))) " " (dict-ref d 2.5) " " (dict-ref d 2))
;; Numbers compare as eqv? does: exact 2 and inexact 2.0 are different keys.
(println (dict-ref d 2.0 'no-inexact-2))
(println (dict-count d))
(dict-set! d 'x 10)
(println (dict-ref d 'x) " " (dict-count d))
(dict-remove! d "a string")
(dict-remove! d 'not-there)
(println (sorted (dict->list d)))

;; dict-set returns a new dict and leaves the old one alone.
(define e (dict-set d 'y 20))
(println (dict-ref e 'y) " " (dict-ref d 'y))
(println (dict-count e) " " (dict-count d))

;; Keys with identity: pids and tags.
(define t (make-tag))
(dict-set! e (self) 'me)
(dict-set! e t 'tag)
(println (dict-ref e (self)) " " (dict-ref e t) " " (dict-ref e (make-tag)))

;; Many keys, removed and added again.
(define big (make-dict))
(do ((i 0 (+ i 1))) ((= i 1000)) (dict-set! big (list 'k i) i))
(do ((i 0 (+ i 1))) ((= i 1000)) (if (odd? i) (dict-remove! big (list 'k i))))
(println (dict-count big) " " (dict-ref big '(k 998)) " " (dict-ref big '(k 999)))
(println (let loop ((l (dict->list big)) (sum 0))
           (if (null? l) sum (loop (cdr l) (+ sum (cdar l))))))

;; A dict is a value a process can hold as its state (the paper's meter
;; supervisor).
(define (tally)
  (let loop ((counts (make-dict)))
    (recv
     ((from tag 'report) (! from (list tag (dict->list counts))) (loop counts))
     (word (loop (dict-set counts word (+ 1 (dict-ref counts word 0))))))))
(define tallier (spawn (tally)))
(for-each (lambda (w) (! tallier w)) '(a b a c a b))
(println (sorted (!? tallier 'report)))
