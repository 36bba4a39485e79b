;;; SRFI 133: the vector library. The procedures that call a procedure
;;; argument are here; those that only move elements (vector-empty?,
;;; vector-swap!, vector-reverse!, vector-reverse-copy[!],
;;; vector-concatenate, vector-append-subvectors, reverse-vector->list,
;;; reverse-list->vector) are primitives in srfi_133.go. R7RS's
;;; vector-map, vector-for-each, vector-fill!, vector-copy[!],
;;; vector-append, vector->list and list->vector are SRFI 133's already.
;;; Procedures over several vectors stop at the end of the shortest.

(define (%vectors-length vs)
  (apply min (map vector-length vs)))

(define (%vectors-ref vs i)
  ;; The i-th elements of the vectors vs, as a list.
  (map (lambda (v) (vector-ref v i)) vs))

(define (%vector-range who v args)
  ;; The optional [start end] of args for v, checked.
  (let* ((len (vector-length v))
         (start (if (pair? args) (car args) 0))
         (end (if (and (pair? args) (pair? (cdr args))) (cadr args) len)))
    (if (not (and (exact-integer? start) (exact-integer? end) (<= 0 start end len)))
        (error (string-append who ": bad subrange") v start end))
    (values start end)))

;;; Constructors

(define (%vector-unfold-fill! f v i stop step seeds)
  ;; Fills v at i, i+step, ... up to (excluding) stop, with the first
  ;; value of (f index seed ...); the other values are the next seeds.
  (if (null? seeds)
      (let loop ((i i))
        (if (not (= i stop))
            (begin (vector-set! v i (f i))
                   (loop (+ i step)))))
      (let loop ((i i) (seeds seeds))
        (if (not (= i stop))
            (call-with-values (lambda () (apply f i seeds))
              (lambda (x . seeds)
                (vector-set! v i x)
                (loop (+ i step) seeds)))))))

(define (vector-unfold f n . seeds)
  (let ((v (make-vector n)))
    (%vector-unfold-fill! f v 0 n 1 seeds)
    v))

(define (vector-unfold-right f n . seeds)
  (let ((v (make-vector n)))
    (%vector-unfold-fill! f v (- n 1) -1 -1 seeds)
    v))

(define (vector-unfold! f v start end . seeds)
  (%vector-range "vector-unfold!" v (list start end))
  (%vector-unfold-fill! f v start end 1 seeds))

(define (vector-unfold-right! f v start end . seeds)
  (%vector-range "vector-unfold-right!" v (list start end))
  (%vector-unfold-fill! f v (- end 1) (- start 1) -1 seeds))

;;; Predicates

(define (vector= elt=? . vs)
  ;; Each vector is compared with the next.
  (define (same? a b)
    (let ((n (vector-length a)))
      (and (= n (vector-length b))
           (let loop ((i 0))
             (or (= i n)
                 (and (elt=? (vector-ref a i) (vector-ref b i))
                      (loop (+ i 1))))))))
  (or (null? vs)
      (let loop ((a (car vs)) (rest (cdr vs)))
        (or (null? rest)
            (and (same? a (car rest))
                 (loop (car rest) (cdr rest)))))))

;;; Iteration

(define (vector-fold kons knil v . vs)
  (if (null? vs)
      (let ((n (vector-length v)))
        (let loop ((i 0) (state knil))
          (if (= i n)
              state
              (loop (+ i 1) (kons state (vector-ref v i))))))
      (let* ((vs (cons v vs)) (n (%vectors-length vs)))
        (let loop ((i 0) (state knil))
          (if (= i n)
              state
              (loop (+ i 1) (apply kons state (%vectors-ref vs i))))))))

(define (vector-fold-right kons knil v . vs)
  (if (null? vs)
      (let loop ((i (- (vector-length v) 1)) (state knil))
        (if (< i 0)
            state
            (loop (- i 1) (kons state (vector-ref v i)))))
      (let ((vs (cons v vs)))
        (let loop ((i (- (%vectors-length vs) 1)) (state knil))
          (if (< i 0)
              state
              (loop (- i 1) (apply kons state (%vectors-ref vs i))))))))

(define (vector-map! f v . vs)
  (let* ((all (cons v vs)) (n (%vectors-length all)))
    (let loop ((i 0))
      (if (< i n)
          (begin
            (vector-set! v i (if (null? vs)
                                 (f (vector-ref v i))
                                 (apply f (%vectors-ref all i))))
            (loop (+ i 1)))))))

(define (vector-count pred? v . vs)
  (let* ((all (cons v vs)) (n (%vectors-length all)))
    (let loop ((i 0) (count 0))
      (if (= i n)
          count
          (loop (+ i 1)
                (if (if (null? vs)
                        (pred? (vector-ref v i))
                        (apply pred? (%vectors-ref all i)))
                    (+ count 1)
                    count))))))

(define (vector-cumulate f knil v)
  (let* ((n (vector-length v)) (new (make-vector n)))
    (let loop ((i 0) (acc knil))
      (if (= i n)
          new
          (let ((acc (f acc (vector-ref v i))))
            (vector-set! new i acc)
            (loop (+ i 1) acc))))))

;;; Searching

(define (%vector-search pred? vs from-right? want)
  ;; The first index, from the left or the right, whose elements give a
  ;; (pred? elt ...) that is true when want is #t, false when want is #f.
  (let ((n (%vectors-length vs)))
    (define (hit? i)
      (let ((r (if (null? (cdr vs))
                   (pred? (vector-ref (car vs) i))
                   (apply pred? (%vectors-ref vs i)))))
        (if want r (not r))))
    (if from-right?
        (let loop ((i (- n 1)))
          (cond ((< i 0) #f)
                ((hit? i) i)
                (else (loop (- i 1)))))
        (let loop ((i 0))
          (cond ((= i n) #f)
                ((hit? i) i)
                (else (loop (+ i 1))))))))

(define (vector-index pred? v . vs) (%vector-search pred? (cons v vs) #f #t))
(define (vector-index-right pred? v . vs) (%vector-search pred? (cons v vs) #t #t))
(define (vector-skip pred? v . vs) (%vector-search pred? (cons v vs) #f #f))
(define (vector-skip-right pred? v . vs) (%vector-search pred? (cons v vs) #t #f))

(define (vector-binary-search v value cmp . range)
  ;; cmp is called as (cmp element value) and returns a negative, zero or
  ;; positive integer as element is less than, equal to or greater than
  ;; value. The optional [start end], as in SRFI 133's sample
  ;; implementation, restricts the search.
  (let-values (((start end) (%vector-range "vector-binary-search" v range)))
    (let loop ((lo start) (hi end))
      (and (< lo hi)
           (let* ((mid (quotient (+ lo hi) 2))
                  (c (cmp (vector-ref v mid) value)))
             (cond ((zero? c) mid)
                   ((negative? c) (loop (+ mid 1) hi))
                   (else (loop lo mid))))))))

;; vector-any and vector-every call pred? on the last elements in tail
;; position, so that its value is returned as it is.
(define (vector-any pred? v . vs)
  (let* ((all (cons v vs)) (n (%vectors-length all)))
    (define (test i)
      (if (null? vs) (pred? (vector-ref v i)) (apply pred? (%vectors-ref all i))))
    (and (> n 0)
         (let loop ((i 0))
           (if (= i (- n 1))
               (test i)
               (or (test i) (loop (+ i 1))))))))

(define (vector-every pred? v . vs)
  (let* ((all (cons v vs)) (n (%vectors-length all)))
    (define (test i)
      (if (null? vs) (pred? (vector-ref v i)) (apply pred? (%vectors-ref all i))))
    (or (= n 0)
        (let loop ((i 0))
          (if (= i (- n 1))
              (test i)
              (and (test i) (loop (+ i 1))))))))

(define (vector-partition pred? v)
  ;; pred? is called once per element; its answers are kept so that the
  ;; second pass, which places the elements, need not call it again.
  (let* ((n (vector-length v))
         (yes (make-vector n #f))
         (count (let loop ((i 0) (count 0))
                  (if (= i n)
                      count
                      (if (pred? (vector-ref v i))
                          (begin (vector-set! yes i #t) (loop (+ i 1) (+ count 1)))
                          (loop (+ i 1) count)))))
         (new (make-vector n)))
    (let loop ((i 0) (in 0) (out count))
      (if (< i n)
          (if (vector-ref yes i)
              (begin (vector-set! new in (vector-ref v i)) (loop (+ i 1) (+ in 1) out))
              (begin (vector-set! new out (vector-ref v i)) (loop (+ i 1) in (+ out 1))))))
    (values new count)))
