;; First-class continuations: escapes, re-entry, generators, and the order
;; of dynamic-wind's before and after thunks when control jumps in and out.

(define (show . xs) (for-each display xs) (newline))

;; escaping from a for-each and from a deep recursion
(define (find-first pred l)
  (call/cc
   (lambda (return)
     (for-each (lambda (x) (if (pred x) (return x))) l)
     #f)))
(show (find-first even? '(1 3 4 5 6)) " " (find-first even? '(1 3)))
(define (product l)
  (call-with-current-continuation
   (lambda (k)
     (let loop ((l l))
       (cond ((null? l) 1)
             ((= (car l) 0) (k 0))
             (else (* (car l) (loop (cdr l)))))))))
(show (product '(1 2 3 4)) " " (product '(1 2 0 4)))
(show (+ 1 (call/cc (lambda (k) (+ 10 (k 1))))))

;; re-entering a continuation many times
(define (reenter-test times)
  (let ((k #f) (n 0) (acc '()))
    (let ((v (call/cc (lambda (c) (set! k c) 0))))
      (set! acc (cons v acc))
      (set! n (+ n 1))
      (if (< n times)
          (k n)
          (list n (length acc) (car acc) (apply + acc))))))
(show (reenter-test 10000))

;; re-entering the middle of an expression: (+ 1 []) runs again each time
(define (reenter-middle)
  (let ((saved #f) (count 0))
    (let ((x (+ 1 (call/cc (lambda (k) (set! saved k) 1)))))
      (set! count (+ count 1))
      (if (< count 3)
          (saved (* x 10))
          (list x count)))))
(show (reenter-middle))

;; generators: the producer is suspended inside for-each
(define (make-generator lst)
  (define return #f)
  (define resume #f)
  (define (start)
    (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x))))
              lst)
    (return 'done))
  (lambda ()
    (call/cc
     (lambda (r)
       (set! return r)
       (if resume (resume #f) (start))))))
(define g (make-generator '(a b c)))
(let* ((a (g)) (b (g)) (c (g)) (d (g)) (e (g)))
  (show a " " b " " c " " d " " e))

;; ... and inside a recursive tree walk, to compare fringes
(define (make-tree-walker tree)
  (define return #f)
  (define resume #f)
  (define (walk t)
    (cond ((null? t) 'skip)
          ((pair? t) (walk (car t)) (walk (cdr t)))
          (else (call/cc (lambda (k) (set! resume k) (return t))))))
  (lambda ()
    (call/cc
     (lambda (r)
       (set! return r)
       (if resume
           (resume #f)
           (begin (walk tree) (return 'done)))))))
(define (same-fringe? t1 t2)
  (let ((g1 (make-tree-walker t1)) (g2 (make-tree-walker t2)))
    (let loop ()
      (let* ((a (g1)) (b (g2)))
        (cond ((not (eqv? a b)) #f)
              ((eq? a 'done) #t)
              (else (loop)))))))
(show (same-fringe? '(1 (2 3) ((4))) '((1 2) 3 4)) " "
      (same-fringe? '(1 2 3) '(1 (3 2))))

;; dynamic-wind
(define trace '())
(define (note x) (set! trace (cons x trace)))
(define (show-trace)
  (show (reverse trace))
  (set! trace '()))

(dynamic-wind (lambda () (note 'in)) (lambda () (note 'body)) (lambda () (note 'out)))
(show-trace)

(show (dynamic-wind (lambda () #f) (lambda () 'value) (lambda () 'ignored)))

;; escaping out of two nested winds runs both afters, innermost first
(call/cc
 (lambda (k)
   (dynamic-wind
    (lambda () (note 'in1))
    (lambda ()
      (dynamic-wind
       (lambda () (note 'in2))
       (lambda () (note 'body) (k 'escaped) (note 'not-reached))
       (lambda () (note 'out2))))
    (lambda () (note 'out1)))))
(show-trace)

;; re-entering a wind runs its before thunk again
(define (reentry-wind)
  (let ((k #f) (n 0))
    (dynamic-wind
     (lambda () (note 'before))
     (lambda () (call/cc (lambda (c) (set! k c))) (note 'during))
     (lambda () (note 'after)))
    (set! n (+ n 1))
    (if (< n 3) (k #f))
    (show-trace)))
(reentry-wind)

;; jumping from inside one wind into another: out of b, into a
(define (jump-between)
  (let ((k-inner #f) (count 0))
    (dynamic-wind
     (lambda () (note 'a-in))
     (lambda () (call/cc (lambda (c) (set! k-inner c))) (note 'a-body))
     (lambda () (note 'a-out)))
    (dynamic-wind
     (lambda () (note 'b-in))
     (lambda ()
       (set! count (+ count 1))
       (if (< count 2) (k-inner #f))
       (note 'b-body))
     (lambda () (note 'b-out)))
    (show-trace)))
(jump-between)

;; jumping between two sibling winds nested in a common one: only the
;; winds that differ are left and entered
(define (siblings)
  (let ((k #f) (count 0))
    (dynamic-wind
     (lambda () (note 'outer-in))
     (lambda ()
       (dynamic-wind
        (lambda () (note 'x-in))
        (lambda () (call/cc (lambda (c) (set! k c))))
        (lambda () (note 'x-out)))
       (dynamic-wind
        (lambda () (note 'y-in))
        (lambda ()
          (set! count (+ count 1))
          (if (= count 1) (k 'again)))
        (lambda () (note 'y-out))))
     (lambda () (note 'outer-out)))
    (show-trace)))
(siblings)

;; a generator whose producer runs inside a dynamic-wind: every switch
;; between consumer and producer leaves and re-enters it
(define (wind-generator)
  (define return #f)
  (define resume #f)
  (define (produce)
    (dynamic-wind
     (lambda () (note 'enter))
     (lambda ()
       (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x))))
                 '(1 2)))
     (lambda () (note 'leave)))
    (return 'end))
  (define (next)
    (call/cc (lambda (r) (set! return r) (if resume (resume #f) (produce)))))
  (let* ((a (next)) (b (next)) (c (next)))
    (note (list a b c))
    (show-trace)))
(wind-generator)
