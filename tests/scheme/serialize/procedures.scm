;; Procedures: closures with their own state, the library's procedures by
;; name, parameters, case-lambda, record procedures and continuations.

(define (show . xs) (for-each display xs) (newline))
(define (copy x) (deserialize (serialize x)))

;; A counter copied twice is two counters, each going on from where the
;; original was.
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c (make-counter))
(c)
(c)
(define c1 (copy c))
(define c2 (copy c))
(show (c1) " " (c1) " " (c1) " " (c2) " " (c))

;; Two closures over one variable keep sharing it in the copy.
(define (make-account)
  (let ((balance 0))
    (cons (lambda (x) (set! balance (+ balance x)) balance)
          (lambda () balance))))
(define acct (copy (make-account)))
((car acct) 10)
((car acct) 5)
(show ((cdr acct)))

;; The library's procedures come back as themselves.
(show (eq? car (copy car)) " " (eq? map (copy map)) " " (eq? call/cc (copy call/cc)))
(show (eq? (current-output-port) (copy (current-output-port))))

;; A parameter, and a closure that uses one.
(define depth (make-parameter 0))
(define depth2 (copy depth))
(show (depth2) " " (parameterize ((depth2 5)) (depth2)) " " (eq? depth depth2))

(define f (copy (case-lambda ((x) (list 'one x)) ((x y) (list 'two x y)))))
(show (f 1) " " (f 1 2))

(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(define mk (copy make-point))
(define px (copy point-x))
(show (px (mk 3 4)) " " (point? (mk 3 4)))

;; A continuation: the copy re-enters the computation as the original
;; would, and then goes on with the rest of the program, once more.
(define entries 0)
(define saved #f)
(define (sum-to n)
  (let loop ((i 0) (acc 0))
    (if (= i n)
        acc
        (let ((extra (if (= i 3) (call/cc (lambda (k) (set! saved k) 0)) 0)))
          (loop (+ i 1) (+ acc i extra))))))
(define result (sum-to 5))
(set! entries (+ entries 1))
(show "entry " entries ": result " result)
(when (= entries 1)
  ((copy saved) 100))
(show "done")

;; A continuation captured after a re-entry is made of a new top segment
;; over the older continuation's frames: the copy holds all of them.
(define deep-entries 0)
(define k-first #f)
(define k-second #f)
(define (deep n)
  (if (= n 0)
      (let ((v (call/cc (lambda (k) (set! k-first k) 0))))
        (if (> v 0) (call/cc (lambda (k) (set! k-second k) v)) v))
      (+ 1 (deep (- n 1)))))
(define r (deep 40))
(set! deep-entries (+ deep-entries 1))
(show "deep: entry " deep-entries ": " r)
(cond ((= deep-entries 1) (k-first 5))
      ((= deep-entries 2) ((copy k-second) 7)))
(show "deep done")
