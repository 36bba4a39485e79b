;; What messages between nodes carry: big lists, cycles and shared
;; structure, every kind of atom, records of a type the other node never
;; saw, closures with their state; and what keeps its identity on return.
(define me (self))
(define worker (spawn-node))
(define echo                            ; sends back what it gets
  (remote-spawn worker
                (lambda ()
                  (let loop ()
                    (recv ((from tag x) (! from (list tag x))))
                    (loop)))))
(define (round-trip x) (!? echo x 20))
(define (sum l) (let loop ((l l) (s 0)) (if (null? l) s (loop (cdr l) (+ s (car l))))))

;; A list of a million elements, there and back.
(define big (iota 1000000))
(define summer
  (remote-spawn worker
                (lambda ()
                  (recv ((from l) (! from (list 'counted (length l) (sum l) l)))))))
(! summer (list me big))
(recv (('counted n s l)
       (write (list n s (length l) (sum l) (equal? l big) (eq? l big)))
       (newline)))

;; Cycles and shared structure come back as they went.
(define ring (list 'a 'b 'c))
(set-cdr! (cddr ring) ring)
(define ring* (round-trip ring))
(write (list (eq? ring* ring) (eq? (cdddr ring*) ring*)
             (car ring*) (cadr ring*) (caddr ring*)))
(newline)
(write (let ((r ring)) (on worker (lambda () (eq? (cdddr r) r))))) (newline)

(define v (vector 1 #f "three"))
(vector-set! v 1 v)
(define v* (round-trip v))
(write (list (eq? v* v) (vector? v*) (vector-length v*) (eq? (vector-ref v* 1) v*)
             (vector-ref v* 0) (vector-ref v* 2)))
(newline)

(define shared (let ((s (list 1 2))) (list s s (vector s))))
(define shared* (round-trip shared))
(write (list (equal? shared* shared)
             (eq? (car shared*) (cadr shared*))
             (eq? (car shared*) (vector-ref (caddr shared*) 0))
             (eq? (car shared*) (car shared))))
(newline)

;; Atoms.
(define atoms
  (list "héllo wörld" "日本語 🎉" "" (string #\a #\x0 #\b) (make-string 3 #\λ)
        (expt 2 200) (- (expt 3 101)) 1/3 (/ (expt 10 30) 7) -22/7
        3.14159 1e-300 6.02e23 +inf.0 -inf.0 -0.0 0.0 2.0
        #\a #\λ #\x1F600 #\x0 #\newline #\space
        (bytevector) (bytevector 0 1 127 128 255)
        'sym '|with space| "" '() #t #f))
(define atoms* (round-trip atoms))
(write atoms*) (newline)
(write (equal? atoms* atoms)) (newline)
;; eqv? tells the exact from the inexact, and -0.0 from 0.0.
(write (map (lambda (x) (eqv? (round-trip x) x))
            (list -0.0 0.0 2.0 2 1/3 (expt 2 200) #\x1F600 'sym)))
(newline)
(write (list (eqv? (round-trip -0.0) 0.0) (eqv? (round-trip 2.0) 2)
             (exact? (round-trip 1/3)) (exact? (round-trip (expt 2 200)))
             (nan? (round-trip +nan.0))
             (eq? (round-trip (string->symbol "λ")) (string->symbol "λ"))))
(newline)
;; Big strings and bytevectors.
(define long-string (make-string 100000 #\é))
(define long-bytes (make-bytevector 100000 7))
(bytevector-u8-set! long-bytes 99999 200)
(write (list (equal? (round-trip long-string) long-string)
             (equal? (round-trip long-bytes) long-bytes)))
(newline)

;; Records of a type the worker never loaded: they come back of the same
;; type, as copies; its procedures work on them there.
(define-record-type point
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y))
(define p (make-point 1 "two"))
(define p* (round-trip p))
(write (list (point? p*) (point-x p*) (point-y p*) (eq? p* p))) (newline)
(set-point-x! p* 10)
(write (list (point-x p) (point-x p*))) (newline)   ; a copy
(write (let ((q p)) (on worker (lambda () (list (point? q) (point-x q) (point-y q))))))
(newline)
(define made-there (on worker (lambda () (list (make-point 3 4) (point? 'no)))))
(write (list (point? (car made-there)) (point-x (car made-there)) (cadr made-there)))
(newline)
(define loop-point (make-point #f 'self))          ; a cycle through a record
(set-point-x! loop-point loop-point)
(define loop-point* (round-trip loop-point))
(write (list (eq? (point-x loop-point*) loop-point*) (point-y loop-point*)))
(newline)

;; A closure over a big local state, called there.
(define (make-squares n)
  (let ((table (make-vector n 0))
        (calls 0))
    (do ((i 0 (+ i 1))) ((= i n)) (vector-set! table i (* i i)))
    (lambda (i)
      (set! calls (+ calls 1))
      (list (vector-ref table i) calls))))
(define squares (make-squares 200000))
(squares 1)
(write (let ((f squares))
         (on worker (lambda () (list (f 199999) (f 3) (eq? (current-node) worker))))))
(newline)
(write (squares 2)) (newline)           ; the calls there changed a copy

;; Tags, nodes, pids, symbols and system procedures keep their identity.
(define tag (make-tag))
(define sent (list tag worker (current-node) me echo 'sym car))
(write (map eq? (round-trip sent) sent)) (newline)
(define from-there (on worker (lambda () (list (current-node) (self) worker))))
(write (list (eq? (car from-there) worker) (eq? (pid-node (cadr from-there)) worker)
             (eq? (caddr from-there) worker)))
(newline)
;; A tag made there comes back there as itself.
(define keeper
  (remote-spawn worker
                (lambda ()
                  (let ((t (make-tag)))
                    (! me (list 'tag t))
                    (recv (x (! me (list 'same (eq? (car x) t) (eq? (cadr x) t))))
                          (after 10 (! me (list 'same 'timeout))))))))
(recv (('tag t) (! keeper (list t t))))
(recv (('same a b) (write (list a b)) (newline)))
