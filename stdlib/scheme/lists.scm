;;; The higher-order procedures of R7RS, written in Scheme so that a
;;; continuation captured inside one of them is plain data like any other.

(define (%cars+cdrs lists)
  ;; The cars and the cdrs of lists, or #f when one of them is empty.
  (let loop ((ls lists) (cars '()) (cdrs '()))
    (cond ((null? ls) (cons (reverse cars) (reverse cdrs)))
          ((pair? (car ls))
           (loop (cdr ls) (cons (car (car ls)) cars) (cons (cdr (car ls)) cdrs)))
          (else #f))))

(define (map f l . ls)
  (if (null? ls)
      (let loop ((l l) (acc '()))
        (if (pair? l)
            (loop (cdr l) (cons (f (car l)) acc))
            (reverse acc)))
      (let loop ((lists (cons l ls)) (acc '()))
        (let ((split (%cars+cdrs lists)))
          (if split
              (loop (cdr split) (cons (apply f (car split)) acc))
              (reverse acc))))))

(define (for-each f l . ls)
  (if (null? ls)
      (let loop ((l l))
        (if (pair? l)
            (begin (f (car l)) (loop (cdr l)))))
      (let loop ((lists (cons l ls)))
        (let ((split (%cars+cdrs lists)))
          (if split
              (begin (apply f (car split)) (loop (cdr split))))))))

(define %member member)
(define %assoc assoc)

(define (member x l . compare)
  (if (null? compare)
      (%member x l)
      (let ((same? (car compare)))
        (let loop ((l l))
          (cond ((not (pair? l)) #f)
                ((same? x (car l)) l)
                (else (loop (cdr l))))))))

(define (assoc x l . compare)
  (if (null? compare)
      (%assoc x l)
      (let ((same? (car compare)))
        (let loop ((l l))
          (cond ((not (pair? l)) #f)
                ((same? x (car (car l))) (car l))
                (else (loop (cdr l))))))))

(define (vector-map f v . vs)
  (list->vector (apply map f (vector->list v) (map vector->list vs))))

(define (vector-for-each f v . vs)
  (apply for-each f (vector->list v) (map vector->list vs)))

(define (string-map f s . ss)
  (list->string (apply map f (string->list s) (map string->list ss))))

(define (string-for-each f s . ss)
  (apply for-each f (string->list s) (map string->list ss)))
