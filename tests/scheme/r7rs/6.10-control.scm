;; R7RS-small section 6.10: control features.
(include "lib/check.scm")

;; procedure?
(check 'procedure?-car (procedure? car) #t)
(check 'procedure?-symbol (procedure? 'car) #f)
(check 'procedure?-lambda (procedure? (lambda (x) (* x x))) #t)
(check 'procedure?-quoted-lambda (procedure? '(lambda (x) (* x x))) #f)
(check 'procedure?-continuation (call-with-current-continuation procedure?) #t)
(check 'procedure?-parameter (procedure? (make-parameter 1)) #t)
(check 'procedure?-case-lambda (procedure? (case-lambda ((x) x))) #t)

;; apply
(check 'apply-1 (apply + (list 3 4)) 7)
(define compose
  (lambda (f g)
    (lambda args
      (f (apply g args)))))
(check 'apply-compose ((compose sqrt *) 12 75) 30)
(check 'apply-spread (apply + 1 2 '(3 4)) 10)
(check 'apply-empty (apply list '()) '())
(check 'apply-apply (apply apply (list + (list 1 2))) 3)
(check 'apply-lambda-rest (apply (lambda (a . r) (list a r)) 1 '(2 3)) '(1 (2 3)))
(check 'apply-long-list (apply + (make-list 10000 1)) 10000)

;; map
(check 'map-cadr (map cadr '((a b) (d e) (g h))) '(b e h))
(check 'map-expt (map (lambda (n) (expt n n)) '(1 2 3 4 5)) '(1 4 27 256 3125))
(check 'map-two-lists (map + '(1 2 3) '(10 20 30)) '(11 22 33))
(check 'map-three-lists (map list '(1 2) '(a b) '("x" "y")) '((1 a "x") (2 b "y")))
(check 'map-order-unspecified
       (let ((r (let ((count 0))
                  (map (lambda (ignored) (set! count (+ count 1)) count) '(a b)))))
         (or (equal? r '(1 2)) (equal? r '(2 1))))
       #t)
(check 'map-shortest (map + '(1 2 3) '(10 20)) '(11 22))
(check 'map-empty (map car '()) '())
(check 'map-long (length (map (lambda (x) x) (make-list 100000 0))) 100000)

;; string-map
(check 'string-map-foldcase (string-map char-foldcase "AbdEgH") "abdegh")
(check 'string-map-hal
       (string-map (lambda (c) (integer->char (+ 1 (char->integer c)))) "HAL")
       "IBM")
(check 'string-map-two
       (string-map (lambda (c k) ((if (eqv? k #\u) char-upcase char-downcase) c))
                   "studlycaps xxx"
                   "ululululul")
       "StUdLyCaPs")
(check 'string-map-non-ascii (string-map char-upcase "λx") "ΛX")

;; vector-map
(check 'vector-map-cadr (vector-map cadr '#((a b) (d e) (g h))) #(b e h))
(check 'vector-map-expt (vector-map (lambda (n) (expt n n)) '#(1 2 3 4 5)) #(1 4 27 256 3125))
(check 'vector-map-two (vector-map + '#(5 7 9) '#(1 2 3)) #(6 9 12))
(check 'vector-map-shortest (vector-map + '#(1 2) '#(10 20 30)) #(11 22))
(check 'vector-map-order-unspecified
       (let ((r (let ((count 0))
                  (vector-map (lambda (ignored) (set! count (+ count 1)) count) '#(a b)))))
         (or (equal? r #(1 2)) (equal? r #(2 1))))
       #t)

;; for-each family
(check 'for-each
       (let ((v (make-vector 5)))
         (for-each (lambda (i) (vector-set! v i (* i i))) '(0 1 2 3 4))
         v)
       #(0 1 4 9 16))
(check 'for-each-order
       (let ((acc '())) (for-each (lambda (x) (set! acc (cons x acc))) '(1 2 3)) acc)
       '(3 2 1))
(check 'for-each-two-lists
       (let ((acc '()))
         (for-each (lambda (a b) (set! acc (cons (+ a b) acc))) '(1 2 3) '(10 20))
         acc)
       '(22 11))
(check 'string-for-each
       (let ((v '()))
         (string-for-each (lambda (c) (set! v (cons (char->integer c) v))) "abcde")
         v)
       '(101 100 99 98 97))
(check 'string-for-each-two
       (let ((r '()))
         (string-for-each (lambda (a b) (set! r (cons (string a b) r))) "abc" "xy")
         r)
       '("by" "ax"))
(check 'vector-for-each
       (let ((v (make-list 5)))
         (vector-for-each (lambda (i) (list-set! v i (* i i))) '#(0 1 2 3 4))
         v)
       '(0 1 4 9 16))
(check 'vector-for-each-two
       (let ((r '()))
         (vector-for-each (lambda (a b) (set! r (cons (* a b) r))) #(1 2 3) #(4 5))
         r)
       '(10 4))

;; call/cc
(check 'call/cc-escape
       (call-with-current-continuation
        (lambda (exit)
          (for-each (lambda (x) (if (negative? x) (exit x)))
                    '(54 0 37 -3 245 19))
          #t))
       -3)
(define list-length
  (lambda (obj)
    (call-with-current-continuation
     (lambda (return)
       (letrec ((r (lambda (obj)
                     (cond ((null? obj) 0)
                           ((pair? obj) (+ (r (cdr obj)) 1))
                           (else (return #f))))))
         (r obj))))))
(check 'call/cc-list-length (list-length '(1 2 3 4)) 4)
(check 'call/cc-list-length-improper (list-length '(a b . c)) #f)
(check 'call/cc-alias (call/cc (lambda (k) (+ 1 (k 42)))) 42)
(check 'call/cc-normal-return (call/cc (lambda (k) 5)) 5)
(check 'call/cc-reentry
       (let ((k #f) (n 0))
         (call/cc (lambda (c) (set! k c)))
         (set! n (+ n 1))
         (if (< n 3) (k 'again))
         n)
       3)
(check 'call/cc-reentry-value
       (let ((k #f) (acc '()))
         (let ((v (call/cc (lambda (c) (set! k c) 1))))
           (set! acc (cons v acc))
           (if (< v 3) (k (+ v 1)))
           (reverse acc)))
       '(1 2 3))
(check 'call/cc-reenter-map
       (let ((k #f) (count 0))
         (let ((r (map (lambda (x)
                         (call/cc (lambda (c) (if (= x 2) (set! k c)) x)))
                       '(1 2 3))))
           (set! count (+ count 1))
           (if (= count 1) (k 20) (list count r))))
       '(2 (1 20 3)))
;; A return of map through a continuation captured in f does not change
;; what map returned before; on a list short enough for map's recursion,
;; and on one long enough for its loop.
(define (reenter-map n)
  (let ((k #f) (first #f) (count 0))
    (let ((r (map (lambda (x) (call/cc (lambda (c) (if (= x (- n 1)) (set! k c)) x)))
                  (iota n))))
      (set! count (+ count 1))
      (if (= count 1)
          (begin (set! first r) (k 'again))
          (list (equal? first (iota n)) (list-ref r (- n 1)) (length r))))))
(check 'call/cc-reenter-map-keeps-first (reenter-map 3) '(#t again 3))
(check 'call/cc-reenter-map-keeps-first-long (reenter-map 5000) '(#t again 5000))
(check 'map-long (let ((r (map (lambda (x) (* 2 x)) (iota 5000)))) (list (length r) (car r) (list-ref r 4999))) '(5000 0 9998))

(check 'call/cc-multiple-values
       (vals (call/cc (lambda (k) (k 1 2))))
       '(1 2))

;; values
(check 'call-with-values-1 (call-with-values (lambda () (values 4 5)) (lambda (a b) b)) 5)
(check 'call-with-values-2 (call-with-values * -) -1)
(check 'values-zero (call-with-values (lambda () (values)) list) '())
(check 'values-one-as-value (call-with-values (lambda () 7) list) '(7))
(check 'values-single (+ (values 3) 1) 4)
(check 'values-many (vals (values 1 2 3 4 5)) '(1 2 3 4 5))

;; dynamic-wind
(check 'dynamic-wind-report
       (let ((path '())
             (c #f))
         (let ((add (lambda (s) (set! path (cons s path)))))
           (dynamic-wind
            (lambda () (add 'connect))
            (lambda ()
              (add (call-with-current-continuation
                    (lambda (c0) (set! c c0) 'talk1))))
            (lambda () (add 'disconnect)))
           (if (< (length path) 4)
               (c 'talk2)
               (reverse path))))
       '(connect talk1 disconnect connect talk2 disconnect))
(check 'dynamic-wind-value (dynamic-wind (lambda () 1) (lambda () 'v) (lambda () 3)) 'v)
(check 'dynamic-wind-values
       (vals (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f)))
       '(1 2))
(check 'dynamic-wind-nested-escape
       (let ((trail '()))
         (call/cc
          (lambda (k)
            (dynamic-wind
             (lambda () (set! trail (cons 'in1 trail)))
             (lambda ()
               (dynamic-wind
                (lambda () (set! trail (cons 'in2 trail)))
                (lambda () (k 'x))
                (lambda () (set! trail (cons 'out2 trail)))))
             (lambda () (set! trail (cons 'out1 trail))))))
         (reverse trail))
       '(in1 in2 out2 out1))
(check 'dynamic-wind-reenter-nested
       (let ((trail '()) (k #f) (n 0))
         (dynamic-wind
          (lambda () (set! trail (cons 'in1 trail)))
          (lambda ()
            (dynamic-wind
             (lambda () (set! trail (cons 'in2 trail)))
             (lambda () (call/cc (lambda (c) (set! k c))))
             (lambda () (set! trail (cons 'out2 trail)))))
          (lambda () (set! trail (cons 'out1 trail))))
         (set! n (+ n 1))
         (if (= n 1) (k 'again))
         (reverse trail))
       '(in1 in2 out2 out1 in1 in2 out2 out1))
(check 'dynamic-wind-sibling-jump
       (let ((trail '()) (k #f))
         (dynamic-wind
          (lambda () (set! trail (cons 'a-in trail)))
          (lambda () (call/cc (lambda (c) (set! k c))))
          (lambda () (set! trail (cons 'a-out trail))))
         (if (< (length trail) 6)
             (dynamic-wind
              (lambda () (set! trail (cons 'b-in trail)))
              (lambda () (k 'jump))
              (lambda () (set! trail (cons 'b-out trail)))))
         (reverse trail))
       '(a-in a-out b-in b-out a-in a-out))
(check 'dynamic-wind-error-runs-after
       (let ((trail '()))
         (guard (e (#t (set! trail (cons (list 'caught e) trail))))
           (dynamic-wind
            (lambda () (set! trail (cons 'before trail)))
            (lambda () (raise 'oops))
            (lambda () (set! trail (cons 'after trail)))))
         (reverse trail))
       '(before after (caught oops)))
