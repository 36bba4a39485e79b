;;; The SRFI 69 procedures that call procedures given to them, over the
;;; Go primitives of hashtables.go (a primitive may not call Scheme).

;; A value no table holds: what hash-table-ref/default is given as the
;; default to tell a missing key from any stored value.
(define %hash-table-absent (list 'absent))

(define (%hash-table-ref who table key rest)
  (let ((v (hash-table-ref/default table key %hash-table-absent)))
    (cond ((not (eq? v %hash-table-absent))
           (if (and (pair? rest) (pair? (cdr rest)))
               ((cadr rest) v)
               v))
          ((pair? rest) ((car rest)))
          (else (error (string-append who ": no such key") key)))))

;; (hash-table-ref TABLE KEY [THUNK [SUCCESS]]): the value of KEY, passed
;; to SUCCESS if given; when KEY is missing, (THUNK), or an error.
(define (hash-table-ref table key . rest)
  (%hash-table-ref "hash-table-ref" table key rest))

;; (hash-table-update! TABLE KEY PROC [THUNK]) sets KEY to PROC of its
;; value, or of (THUNK) when it has none.
(define (hash-table-update! table key proc . thunk)
  (hash-table-set! table key
                   (proc (%hash-table-ref "hash-table-update!" table key thunk))))

(define (hash-table-update!/default table key proc default)
  (hash-table-set! table key (proc (hash-table-ref/default table key default))))

;; PROC sees the entries as they were when the walk began, so it may
;; change the table.
(define (hash-table-walk table proc)
  (for-each (lambda (entry) (proc (car entry) (cdr entry)))
            (hash-table->alist table)))

;; (hash-table-fold TABLE KONS KNIL) as in SRFI 69, or (hash-table-fold
;; KONS KNIL TABLE) as in SRFI 125; KONS is (KEY VALUE ACC).
(define (hash-table-fold a b c)
  (let-values (((table kons knil) (if (hash-table? a) (values a b c) (values c a b))))
    (let loop ((entries (hash-table->alist table)) (acc knil))
      (if (pair? entries)
          (loop (cdr entries) (kons (car (car entries)) (cdr (car entries)) acc))
          acc))))
