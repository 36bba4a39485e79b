;;; SRFI 1: the list library. The procedures that only walk or copy list
;;; structure (xcons, cons*, iota, take, drop, take-right, drop-right,
;;; last, length+, proper-list?, circular-list?, dotted-list?,
;;; append-reverse) are Go primitives in srfi_1.go; everything that calls
;;; a procedure argument is here, since a primitive may not call back into
;;; Scheme. R7RS's map, for-each, member, assoc, list-copy and make-list
;;; already behave as SRFI 1 asks (unequal lengths, optional equality).
;;;
;;; The linear-update (!) variants are the pure procedures: SRFI 1 allows
;;; it, and sharing one definition keeps the two from drifting apart.

(define (%srfi1-split lists extra)
  ;; (CARS . CDRS) of lists, with the elements of extra after the cars
  ;; (the accumulator of fold and friends), or #f as soon as one of the
  ;; lists has ended: the multi-list procedures stop at the shortest.
  (let loop ((ls (reverse lists)) (cars extra) (cdrs '()))
    (cond ((null? ls) (cons cars cdrs))
          ((pair? (car ls))
           (loop (cdr ls) (cons (car (car ls)) cars) (cons (cdr (car ls)) cdrs)))
          (else #f))))

(define (%srfi1-check-count who n)
  (if (not (and (exact-integer? n) (>= n 0)))
      (error (string-append who ": expected exact nonnegative integer") n)))

;;; Constructors

(define (list-tabulate n make)
  (%srfi1-check-count "list-tabulate" n)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0)
        acc
        (loop (- i 1) (cons (make i) acc)))))

(define (circular-list x . rest)
  (let ((l (cons x rest)))
    (set-cdr! (last-pair l) l)
    l))

;;; Predicates

(define (not-pair? x) (not (pair? x)))

(define (null-list? l)
  (cond ((pair? l) #f)
        ((null? l) #t)
        (else (error "null-list?: expected proper or circular list" l))))

(define (list= = . lists)
  ;; Each list is compared with the next one, element by element, with
  ;; (= a b) where a is from the earlier list.
  (define (same? a b)
    (cond ((null? a) (null? b))
          ((null? b) #f)
          (else (and (= (car a) (car b)) (same? (cdr a) (cdr b))))))
  (or (null? lists)
      (let loop ((a (car lists)) (rest (cdr lists)))
        (or (null? rest)
            (and (same? a (car rest))
                 (loop (car rest) (cdr rest)))))))

;;; Selectors

(define (first x) (car x))
(define (second x) (cadr x))
(define (third x) (caddr x))
(define (fourth x) (cadddr x))
(define (fifth x) (car (drop x 4)))
(define (sixth x) (car (drop x 5)))
(define (seventh x) (car (drop x 6)))
(define (eighth x) (car (drop x 7)))
(define (ninth x) (car (drop x 8)))
(define (tenth x) (car (drop x 9)))

(define (car+cdr p) (values (car p) (cdr p)))

(define take! take)
(define drop-right! drop-right)

(define (split-at l k) (values (take l k) (drop l k)))
(define split-at! split-at)

;;; Miscellaneous

(define (concatenate lists) (apply append lists))
(define append! append)
(define concatenate! concatenate)
(define reverse! reverse)
(define append-reverse! append-reverse)

(define (zip l . ls) (apply map list l ls))

(define (unzip1 l) (map car l))
(define (unzip2 l) (values (map car l) (map cadr l)))
(define (unzip3 l) (values (map car l) (map cadr l) (map caddr l)))
(define (unzip4 l)
  (values (map car l) (map cadr l) (map caddr l) (map cadddr l)))
(define (unzip5 l)
  (values (map car l) (map cadr l) (map caddr l) (map cadddr l) (map fifth l)))

(define (count pred l . ls)
  (if (null? ls)
      (let loop ((l l) (n 0))
        (if (pair? l)
            (loop (cdr l) (if (pred (car l)) (+ n 1) n))
            n))
      (let loop ((lists (cons l ls)) (n 0))
        (let ((s (%srfi1-split lists '())))
          (if s
              (loop (cdr s) (if (apply pred (car s)) (+ n 1) n))
              n)))))

;;; Fold, unfold and map

(define (fold kons knil l . ls)
  (if (null? ls)
      (let loop ((l l) (acc knil))
        (if (pair? l)
            (loop (cdr l) (kons (car l) acc))
            acc))
      (let loop ((lists (cons l ls)) (acc knil))
        (let ((s (%srfi1-split lists (list acc))))
          (if s
              (loop (cdr s) (apply kons (car s)))
              acc)))))

(define (%srfi1-tuples lists)
  ;; The lists of the i-th elements of lists, last first, up to the end
  ;; of the shortest: what fold-right walks, iteratively, from the right.
  ;; No lists have no elements (%srfi1-split would split '() forever).
  (let loop ((lists lists) (acc '()))
    (let ((s (and (pair? lists) (%srfi1-split lists '()))))
      (if s
          (loop (cdr s) (cons (car s) acc))
          acc))))

(define (fold-right kons knil l . ls)
  (if (null? ls)
      (let loop ((r (reverse l)) (acc knil))
        (if (pair? r)
            (loop (cdr r) (kons (car r) acc))
            acc))
      (let loop ((tuples (%srfi1-tuples (cons l ls))) (acc knil))
        (if (pair? tuples)
            (loop (cdr tuples) (apply kons (append (car tuples) (list acc))))
            acc))))

(define (%srfi1-all-pairs? lists)
  (or (null? lists)
      (and (pair? (car lists)) (%srfi1-all-pairs? (cdr lists)))))

(define (pair-fold kons knil l . ls)
  ;; The cdrs are taken before kons is called, since kons may alter them.
  (if (null? ls)
      (let loop ((l l) (acc knil))
        (if (pair? l)
            (let ((next (cdr l)))
              (loop next (kons l acc)))
            acc))
      (let loop ((lists (cons l ls)) (acc knil))
        (if (%srfi1-all-pairs? lists)
            (let ((next (map cdr lists)))
              (loop next (apply kons (append lists (list acc)))))
            acc))))

(define (%srfi1-sublists lists)
  ;; The successive tails of lists (as lists of tails), last first; none
  ;; for no lists, of which every one is a pair.
  (let loop ((lists lists) (acc '()))
    (if (and (pair? lists) (%srfi1-all-pairs? lists))
        (loop (map cdr lists) (cons lists acc))
        acc)))

(define (pair-fold-right kons knil l . ls)
  (let loop ((tails (%srfi1-sublists (cons l ls))) (acc knil))
    (if (pair? tails)
        (loop (cdr tails) (apply kons (append (car tails) (list acc))))
        acc)))

(define (reduce f ridentity l)
  (if (null? l)
      ridentity
      (fold f (car l) (cdr l))))

(define (reduce-right f ridentity l)
  ;; (f e1 (f e2 ... (f en-1 en))): fold from the right, starting from
  ;; the last element.
  (if (null? l)
      ridentity
      (let ((r (reverse l)))
        (fold f (car r) (cdr r)))))

(define (unfold stop? mapper successor seed . tail-gen)
  (let loop ((seed seed) (acc '()))
    (if (stop? seed)
        (append-reverse acc (if (pair? tail-gen) ((car tail-gen) seed) '()))
        (loop (successor seed) (cons (mapper seed) acc)))))

(define (unfold-right stop? mapper successor seed . tail)
  (let loop ((seed seed) (acc (if (pair? tail) (car tail) '())))
    (if (stop? seed)
        acc
        (loop (successor seed) (cons (mapper seed) acc)))))

(define (append-map f l . ls)
  (concatenate (apply map f l ls)))
(define append-map! append-map)

(define map! map)
(define map-in-order map)

(define (pair-for-each f l . ls)
  (if (null? ls)
      (let loop ((l l))
        (if (pair? l)
            (let ((next (cdr l)))
              (f l)
              (loop next))))
      (let loop ((lists (cons l ls)))
        (if (%srfi1-all-pairs? lists)
            (let ((next (map cdr lists)))
              (apply f lists)
              (loop next))))))

(define (filter-map f l . ls)
  (if (null? ls)
      (let loop ((l l) (acc '()))
        (if (pair? l)
            (let ((y (f (car l))))
              (loop (cdr l) (if y (cons y acc) acc)))
            (reverse acc)))
      (let loop ((lists (cons l ls)) (acc '()))
        (let ((s (%srfi1-split lists '())))
          (if s
              (let ((y (apply f (car s))))
                (loop (cdr s) (if y (cons y acc) acc)))
              (reverse acc))))))

;;; Filtering and partitioning

(define (filter pred l)
  (let loop ((l l) (acc '()))
    (if (pair? l)
        (loop (cdr l) (if (pred (car l)) (cons (car l) acc) acc))
        (reverse acc))))

(define (remove pred l)
  (filter (lambda (x) (not (pred x))) l))

(define (partition pred l)
  (let loop ((l l) (in '()) (out '()))
    (cond ((not (pair? l)) (values (reverse in) (reverse out)))
          ((pred (car l)) (loop (cdr l) (cons (car l) in) out))
          (else (loop (cdr l) in (cons (car l) out))))))

(define filter! filter)
(define remove! remove)
(define partition! partition)

;;; Searching

(define (find pred l)
  (let ((tail (find-tail pred l)))
    (and tail (car tail))))

(define (find-tail pred l)
  (let loop ((l l))
    (and (pair? l)
         (if (pred (car l)) l (loop (cdr l))))))

(define (take-while pred l)
  (let loop ((l l) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (reverse acc))))
(define take-while! take-while)

(define (drop-while pred l)
  (let loop ((l l))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l))
        l)))

(define (span pred l)
  (let loop ((l l) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (values (reverse acc) l))))

(define (break pred l)
  (span (lambda (x) (not (pred x))) l))

(define span! span)
(define break! break)

;; any and every call pred on the last elements in tail position, as
;; SRFI 1 requires, so that its value is returned as it is.
(define (any pred l . ls)
  (if (null? ls)
      (and (pair? l)
           (let loop ((x (car l)) (rest (cdr l)))
             (if (pair? rest)
                 (or (pred x) (loop (car rest) (cdr rest)))
                 (pred x))))
      (let ((s (%srfi1-split (cons l ls) '())))
        (and s
             (let loop ((s s))
               (let ((next (%srfi1-split (cdr s) '())))
                 (if next
                     (or (apply pred (car s)) (loop next))
                     (apply pred (car s)))))))))

(define (every pred l . ls)
  (if (null? ls)
      (or (not (pair? l))
          (let loop ((x (car l)) (rest (cdr l)))
            (if (pair? rest)
                (and (pred x) (loop (car rest) (cdr rest)))
                (pred x))))
      (let ((s (%srfi1-split (cons l ls) '())))
        (or (not s)
            (let loop ((s s))
              (let ((next (%srfi1-split (cdr s) '())))
                (if next
                    (and (apply pred (car s)) (loop next))
                    (apply pred (car s)))))))))

(define (list-index pred l . ls)
  (if (null? ls)
      (let loop ((l l) (i 0))
        (cond ((not (pair? l)) #f)
              ((pred (car l)) i)
              (else (loop (cdr l) (+ i 1)))))
      (let loop ((lists (cons l ls)) (i 0))
        (let ((s (%srfi1-split lists '())))
          (cond ((not s) #f)
                ((apply pred (car s)) i)
                (else (loop (cdr s) (+ i 1))))))))

;;; Deletion

(define (delete x l . maybe=)
  ;; (= x element), in that order, as SRFI 1 specifies.
  (let ((= (if (pair? maybe=) (car maybe=) equal?)))
    (filter (lambda (y) (not (= x y))) l)))
(define delete! delete)

(define (delete-duplicates l . maybe=)
  ;; Keeps the first of each group of equal elements; (= x y) with x
  ;; before y in the list. O(n^2), as SRFI 1 says it must be in general.
  (let ((= (if (pair? maybe=) (car maybe=) equal?)))
    (let loop ((l l) (kept '()))
      (if (pair? l)
          (let ((y (car l)))
            (loop (cdr l)
                  (if (any (lambda (x) (= x y)) kept) kept (cons y kept))))
          (reverse kept)))))
(define delete-duplicates! delete-duplicates)

;;; Association lists

(define (alist-cons key datum alist) (cons (cons key datum) alist))

(define (alist-copy alist)
  (map (lambda (entry) (cons (car entry) (cdr entry))) alist))

(define (alist-delete key alist . maybe=)
  (let ((= (if (pair? maybe=) (car maybe=) equal?)))
    (filter (lambda (entry) (not (= key (car entry)))) alist)))
(define alist-delete! alist-delete)

;;; Lists as sets. In every comparison (= a b), a comes from the earlier
;;; list argument, as SRFI 1 specifies.

(define (%lset-member? = x l)
  ;; Is there an element y of l with (= y x)?
  (any (lambda (y) (= y x)) l))

(define (%lset-subset? = a b)
  ;; Is every element of a in b, comparing (= a-elt b-elt)?
  (every (lambda (x) (any (lambda (y) (= x y)) b)) a))

(define (lset<= = . lists)
  (or (null? lists)
      (let loop ((a (car lists)) (rest (cdr lists)))
        (or (null? rest)
            (and (or (eq? a (car rest)) (%lset-subset? = a (car rest)))
                 (loop (car rest) (cdr rest)))))))

(define (lset= = . lists)
  (or (null? lists)
      (let loop ((a (car lists)) (rest (cdr lists)))
        (or (null? rest)
            (let ((b (car rest)))
              (and (or (eq? a b)
                       (and (%lset-subset? = a b)
                            (every (lambda (y) (%lset-member? = y a)) b)))
                   (loop b (cdr rest))))))))

(define (lset-adjoin = l . elts)
  (fold (lambda (x acc) (if (%lset-member? = x acc) acc (cons x acc)))
        l elts))

(define (lset-union = . lists)
  (if (null? lists)
      '()
      (fold (lambda (l acc)
              (cond ((null? l) acc)
                    ((null? acc) l)
                    ((eq? l acc) acc)
                    (else
                     (fold (lambda (x acc)
                             (if (%lset-member? = x acc) acc (cons x acc)))
                           acc l))))
            (car lists) (cdr lists))))

(define (lset-intersection = l . lists)
  (filter (lambda (x)
            (every (lambda (other) (any (lambda (y) (= x y)) other)) lists))
          l))

(define (lset-difference = l . lists)
  (filter (lambda (x)
            (not (any (lambda (other) (any (lambda (y) (= x y)) other)) lists)))
          l))

(define (lset-xor = . lists)
  ;; Pairwise, left to right: a xor b is (a - b) consed onto (b - a).
  (if (null? lists)
      '()
      (fold (lambda (b a)
              (fold cons (lset-difference = b a) (lset-difference = a b)))
            (car lists) (cdr lists))))

(define (lset-diff+intersection = l . lists)
  (partition (lambda (x)
               (not (any (lambda (other) (any (lambda (y) (= x y)) other))
                         lists)))
             l))

(define lset-union! lset-union)
(define lset-intersection! lset-intersection)
(define lset-difference! lset-difference)
(define lset-xor! lset-xor)
(define lset-diff+intersection! lset-diff+intersection)
