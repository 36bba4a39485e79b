;;; SRFI 95: sorting and merging, with the sequence first and an optional
;;; key procedure. Built on the stable merge sort of srfi-132.scm (loaded
;;; after this file: the references below are only followed when called).
;;; With a key, each element is paired with its key once, before sorting,
;;; so that key is called once per element rather than once per
;;; comparison.

(define (%sort95-less less? key)
  (if key
      (lambda (a b) (less? (key a) (key b)))
      less?))

(define (%sort95-key who key)
  ;; The key procedure from the optional arguments, or #f.
  (cond ((null? key) #f)
        ((procedure? (car key)) (car key))
        (else (error (string-append who ": expected key procedure") (car key)))))

(define (%sort95-list less? key l)
  (if key
      (map cdr (list-sort (lambda (a b) (less? (car a) (car b)))
                          (map (lambda (x) (cons (key x) x)) l)))
      (list-sort less? l)))

(define (sorted? seq less? . key)
  (let ((less? (%sort95-less less? (%sort95-key "sorted?" key))))
    (cond ((vector? seq) (vector-sorted? less? seq))
          ((list? seq) (list-sorted? less? seq))
          (else (error "sorted?: expected list or vector" seq)))))

(define (merge a b less? . key)
  (list-merge (%sort95-less less? (%sort95-key "merge" key)) a b))

(define (merge! a b less? . key)
  (list-merge! (%sort95-less less? (%sort95-key "merge!" key)) a b))

(define (sort seq less? . key)
  (let ((key (%sort95-key "sort" key)))
    (cond ((vector? seq) (list->vector (%sort95-list less? key (vector->list seq))))
          ((list? seq) (%sort95-list less? key seq))
          (else (error "sort: expected list or vector" seq)))))

(define (sort! seq less? . key)
  ;; The sequence is sorted in place and returned. A list keeps its
  ;; cells, which receive the sorted elements, so that the variable that
  ;; held the list still holds all of it, sorted.
  (let ((key (%sort95-key "sort!" key)))
    (cond ((vector? seq)
           (vector-copy! seq 0 (list->vector (%sort95-list less? key (vector->list seq))))
           seq)
          ((list? seq)
           (let loop ((cell seq) (sorted (%sort95-list less? key seq)))
             (if (pair? cell)
                 (begin (set-car! cell (car sorted))
                        (loop (cdr cell) (cdr sorted)))))
           seq)
          (else (error "sort!: expected list or vector" seq)))))
