;;; SRFI 132: sort libraries. Every sort here is a stable merge sort
;;; (so the stable and the plain procedures are the same), O(n log n)
;;; comparisons, recursing only O(log n) deep. Vectors are sorted as
;;; lists, converted by the vector->list and list->vector primitives,
;;; which costs less than indexing the vector from Scheme.
;;; The ordering procedure < is always the first argument; SRFI 95's sort
;;; procedures (srfi-95.scm) are built on these.

(define (%sort-opt args i default)
  ;; The i-th optional argument, or default when there are fewer.
  (cond ((null? args) default)
        ((= i 0) (car args))
        (else (%sort-opt (cdr args) (- i 1) default))))

(define (%sort-check-range who v start end)
  (if (not (and (exact-integer? start) (exact-integer? end)
                (<= 0 start end (vector-length v))))
      (error (string-append who ": bad subrange") v start end)))

(define (%sort-range who v args)
  ;; The [start, end) range given by the optional args of a vector
  ;; procedure, checked.
  (let ((start (%sort-opt args 0 0))
        (end (%sort-opt args 1 (vector-length v))))
    (%sort-check-range who v start end)
    (values start end)))

;;; Merging

;; An element of a comes before an equal one of b (stability): b's
;; element is taken only when it is strictly less.
(define (list-merge! less? a b)
  ;; Links the cells of a and b into one list, in one iterative pass.
  ;; (from-a last b) extends the result, whose last cell last came from
  ;; a, while (cdr last) is still the rest of a; from-b likewise. A
  ;; set-cdr! is needed only when the source changes.
  (define (from-a last b)
    (let ((a (cdr last)))
      (cond ((null? a) (set-cdr! last b))
            ((less? (car b) (car a)) (set-cdr! last b) (from-b b a))
            (else (from-a a b)))))
  (define (from-b last a)
    (let ((b (cdr last)))
      (cond ((null? b) (set-cdr! last a))
            ((less? (car b) (car a)) (from-b b a))
            (else (set-cdr! last a) (from-a a b)))))
  (cond ((null? a) b)
        ((null? b) a)
        ((less? (car b) (car a)) (from-b b a) b)
        (else (from-a a b) a)))

(define (list-merge less? a b)
  ;; Leaves a and b alone; the result shares the tail of whichever list
  ;; outlasts the other.
  (let loop ((a a) (b b) (acc '()))
    (cond ((null? a) (append-reverse acc b))
          ((null? b) (append-reverse acc a))
          ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
          (else (loop (cdr a) b (cons (car a) acc))))))

(define (vector-merge! less? to from1 from2 . opts)
  (let* ((start (%sort-opt opts 0 0))
         (start1 (%sort-opt opts 1 0))
         (end1 (%sort-opt opts 2 (vector-length from1)))
         (start2 (%sort-opt opts 3 0))
         (end2 (%sort-opt opts 4 (vector-length from2))))
    (%sort-check-range "vector-merge!" from1 start1 end1)
    (%sort-check-range "vector-merge!" from2 start2 end2)
    (%sort-check-range "vector-merge!" to start
                       (+ start (- end1 start1) (- end2 start2)))
    (let loop ((i start) (j start1) (k start2))
      (cond ((= j end1) (vector-copy! to i from2 k end2))
            ((= k end2) (vector-copy! to i from1 j end1))
            (else
             (let ((x (vector-ref from1 j)) (y (vector-ref from2 k)))
               (if (less? y x)
                   (begin (vector-set! to i y) (loop (+ i 1) j (+ k 1)))
                   (begin (vector-set! to i x) (loop (+ i 1) (+ j 1) k)))))))))

(define (vector-merge less? v1 v2 . opts)
  (let* ((start1 (%sort-opt opts 0 0))
         (end1 (%sort-opt opts 1 (vector-length v1)))
         (start2 (%sort-opt opts 2 0))
         (end2 (%sort-opt opts 3 (vector-length v2))))
    (%sort-check-range "vector-merge" v1 start1 end1)
    (%sort-check-range "vector-merge" v2 start2 end2)
    (let ((to (make-vector (+ (- end1 start1) (- end2 start2)))))
      (vector-merge! less? to v1 v2 0 start1 end1 start2 end2)
      to)))

;;; Sorting

(define (%list-sort less? l)
  ;; When less? is a comparison primitive, %sort-list does the same
  ;; merge sort in Go.
  (or (%sort-list less? l)
      (%list-merge-sort less? l)))

(define (%list-merge-sort less? l)
  ;; Top-down merge sort that mutates nothing, so that a comparator may
  ;; capture its continuation and re-enter it (as with map): (next n l)
  ;; sorts the first n elements of l into a list, and returns it consed
  ;; onto the rest of l. The recursion is log2(n) deep.
  (define (next n l)
    (cond ((> n 2)
           (let* ((half (quotient n 2))
                  (a (next half l))
                  (b (next (- n half) (cdr a))))
             (cons (list-merge less? (car a) (car b)) (cdr b))))
          ((= n 2)
           (let ((x (car l)) (y (cadr l)))
             (cons (if (less? y x) (list y x) (list x y)) (cddr l))))
          ((= n 1) (cons (list (car l)) (cdr l)))
          (else (cons '() l))))
  (car (next (length l) l)))

(define (list-sort less? l) (%list-sort less? l))
(define list-stable-sort list-sort)
(define list-sort! list-sort)
(define list-stable-sort! list-sort)

(define (vector-sort less? v . range)
  (let-values (((start end) (%sort-range "vector-sort" v range)))
    (list->vector (%list-sort less? (vector->list v start end)))))
(define vector-stable-sort vector-sort)

(define (vector-sort! less? v . range)
  (let-values (((start end) (%sort-range "vector-sort!" v range)))
    (vector-copy! v start (list->vector (%list-sort less? (vector->list v start end))))))
(define vector-stable-sort! vector-sort!)

;;; Predicates

(define (list-sorted? less? l)
  (or (not (pair? l))
      (let loop ((x (car l)) (rest (cdr l)))
        (or (not (pair? rest))
            (and (not (less? (car rest) x))
                 (loop (car rest) (cdr rest)))))))

(define (vector-sorted? less? v . range)
  (let-values (((start end) (%sort-range "vector-sorted?" v range)))
    (let loop ((i (+ start 1)))
      (or (>= i end)
          (and (not (less? (vector-ref v i) (vector-ref v (- i 1))))
               (loop (+ i 1)))))))

;;; Deleting neighbor duplicates: each element is compared, as (= x y),
;;; with the last one kept, which comes before it.

(define (list-delete-neighbor-dups same? l)
  (if (not (pair? l))
      l
      (let loop ((kept (car l)) (rest (cdr l)) (acc (list (car l))))
        (cond ((not (pair? rest)) (reverse acc))
              ((same? kept (car rest)) (loop kept (cdr rest) acc))
              (else (loop (car rest) (cdr rest) (cons (car rest) acc)))))))

(define (list-delete-neighbor-dups! same? l)
  ;; Unlinks the duplicates in one pass; last is the last cell kept.
  (if (pair? l)
      (let loop ((last l) (rest (cdr l)))
        (cond ((not (pair? rest)) (set-cdr! last '()))
              ((same? (car last) (car rest)) (loop last (cdr rest)))
              (else (set-cdr! last rest) (loop rest (cdr rest))))))
  l)

(define (vector-delete-neighbor-dups! same? v . range)
  ;; Packs the survivors to the left of [start, end); returns where they
  ;; end.
  (let-values (((start end) (%sort-range "vector-delete-neighbor-dups!" v range)))
    (if (= start end)
        end
        (let loop ((out (+ start 1)) (i (+ start 1)))
          (cond ((= i end) out)
                ((same? (vector-ref v (- out 1)) (vector-ref v i)) (loop out (+ i 1)))
                (else (vector-set! v out (vector-ref v i))
                      (loop (+ out 1) (+ i 1))))))))

(define (vector-delete-neighbor-dups same? v . range)
  (let-values (((start end) (%sort-range "vector-delete-neighbor-dups" v range)))
    (let* ((copy (vector-copy v start end))
           (n (vector-delete-neighbor-dups! same? copy)))
      (vector-copy copy 0 n))))

;;; Selection and medians

(define (%vector-swap! v i j)
  (let ((x (vector-ref v i)))
    (vector-set! v i (vector-ref v j))
    (vector-set! v j x)))

(define (%vector-select! less? v t lo hi)
  ;; Quickselect: reorders v[lo, hi) so that v[t] holds the element that
  ;; would be there if the range were sorted, everything before it being
  ;; no greater and everything after no less; returns it. The pivot is a
  ;; median of three and the partition three-way, so that runs of equal
  ;; elements cannot make it quadratic.
  (let loop ((lo lo) (hi hi))
    (if (<= (- hi lo) 1)
        (vector-ref v t)
        (let* ((a (vector-ref v lo))
               (b (vector-ref v (+ lo (quotient (- hi lo) 2))))
               (c (vector-ref v (- hi 1)))
               (pivot (if (less? a b)
                          (cond ((less? b c) b) ((less? a c) c) (else a))
                          (cond ((less? a c) a) ((less? b c) c) (else b)))))
          ;; v[lo, lt) < pivot, v[lt, i) = pivot, v[gt, hi) > pivot.
          (let part ((lt lo) (i lo) (gt hi))
            (if (< i gt)
                (let ((x (vector-ref v i)))
                  (cond ((less? x pivot)
                         (%vector-swap! v lt i)
                         (part (+ lt 1) (+ i 1) gt))
                        ((less? pivot x)
                         (%vector-swap! v i (- gt 1))
                         (part lt i (- gt 1)))
                        (else (part lt (+ i 1) gt))))
                (cond ((< t lt) (loop lo lt))
                      ((>= t gt) (loop gt hi))
                      (else pivot))))))))

(define (%check-select who v k start end)
  (if (not (and (exact-integer? k) (<= 0 k) (< k (- end start))))
      (error (string-append who ": index out of range") k)))

(define (vector-select! less? v k . range)
  (let-values (((start end) (%sort-range "vector-select!" v range)))
    (%check-select "vector-select!" v k start end)
    (%vector-select! less? v (+ start k) start end)))

(define (vector-separate! less? v k . range)
  ;; Selecting the k-th smallest leaves the k smaller ones before it.
  (let-values (((start end) (%sort-range "vector-separate!" v range)))
    (if (not (and (exact-integer? k) (<= 0 k (- end start))))
        (error "vector-separate!: index out of range" k))
    (if (< k (- end start))
        (%vector-select! less? v (+ start k) start end))))

(define (%median-of-sorted v knil mean)
  (let ((n (vector-length v)))
    (cond ((= n 0) knil)
          ((odd? n) (vector-ref v (quotient n 2)))
          (else (mean (vector-ref v (- (quotient n 2) 1))
                      (vector-ref v (quotient n 2)))))))

(define (%default-mean a b) (/ (+ a b) 2))

(define (vector-find-median less? v knil . mean)
  ;; Linear time: select the upper middle element, then the lower one,
  ;; which is the greatest of those left before it.
  (let ((n (vector-length v))
        (mean (if (pair? mean) (car mean) %default-mean)))
    (cond ((= n 0) knil)
          (else
           (let* ((w (vector-copy v))
                  (upper (%vector-select! less? w (quotient n 2) 0 n)))
             (if (odd? n)
                 upper
                 (let ((lower (%vector-select! less? w (- (quotient n 2) 1)
                                                0 (quotient n 2))))
                   (mean lower upper))))))))

(define (vector-find-median! less? v knil . mean)
  (vector-sort! less? v)
  (%median-of-sorted v knil (if (pair? mean) (car mean) %default-mean)))
