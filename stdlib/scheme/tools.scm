;;; Everyday tools, as Gambit and Chez users expect them: time,
;;; pretty-print (pp), trace and untrace, assert, thread-sleep!. Like
;;; Gambit's, time and trace write to the console, here the current error
;;; port, so that they do not mix with what the program writes.

;; (time EXPR) evaluates EXPR, reports how long it took, and returns its
;; values.
(define-syntax time
  (syntax-rules ()
    ((_ expr)
     (let ((start (%time-start)))
       (call-with-values (lambda () expr)
         (lambda results
           (write-string (%time-report 'expr start) (current-error-port))
           (apply values results)))))))

;; (pretty-print OBJ [PORT]) writes OBJ as write does, on lines of at most
;; 79 columns, and a newline.
(define pretty-print
  (case-lambda
    ((obj) (pretty-print obj (current-output-port)))
    ((obj port)
     (write-string (%pretty-string obj) port)
     (newline port))))

(define pp pretty-print)

;; (trace NAME ...) replaces each procedure NAME by one that writes its
;; calls and returns, indented by their nesting depth; (untrace NAME ...)
;; puts the procedure back.
(define-syntax trace
  (syntax-rules ()
    ((_ name ...)
     (begin (set! name (%trace 'name name)) ... (if #f #f)))))

(define-syntax untrace
  (syntax-rules ()
    ((_ name ...)
     (begin (set! name (%untrace name)) ... (if #f #f)))))

;; The procedures trace made, each with the procedure it wraps, in the
;; cdr of this pair (the library's globals are not assigned once loaded).
(define %traced (list 'traced))

;; How many traced calls the current one is inside of.
(define %trace-depth (make-parameter 0))

(define (%trace name proc)
  (cond ((assq proc (cdr %traced)) proc)
        ((not (procedure? proc)) (error "trace: not a procedure" name proc))
        (else
         (letrec ((traced
                   (lambda args
                     (let ((depth (%trace-depth)))
                       (%trace-line depth "> " (list (cons name args)))
                       (call-with-values
                           (lambda ()
                             (parameterize ((%trace-depth (+ depth 1)))
                               (apply proc args)))
                         (lambda results
                           (%trace-line depth "" results)
                           (apply values results)))))))
           (set-cdr! %traced (cons (cons traced proc) (cdr %traced)))
           traced))))

(define (%untrace proc)
  (let ((entry (assq proc (cdr %traced))))
    (cond (entry
           (set-cdr! %traced (let without ((l (cdr %traced)))
                               (if (eq? (car l) entry)
                                   (cdr l)
                                   (cons (car l) (without (cdr l))))))
           (cdr entry))
          (else proc))))

;; Writes "| | > (f 1)" or "| | 42": a bar per level, up to ten, then the
;; level in brackets.
(define (%trace-line depth mark objs)
  (let ((port (current-error-port))
        (level (+ depth 1)))
    (let bars ((i 0))
      (when (< i (min level 10))
        (write-string "| " port)
        (bars (+ i 1))))
    (when (> level 10)
      (write-string (string-append "[" (number->string level) "] ") port))
    (write-string mark port)
    (let loop ((objs objs) (first #t))
      (unless (null? objs)
        (unless first (write-char #\space port))
        (write (car objs) port)
        (loop (cdr objs) #f)))
    (newline port)))

;; (assert EXPR) returns the value of EXPR, and raises an error naming
;; EXPR when it is #f.
(define-syntax assert
  (syntax-rules ()
    ((_ expr) (let ((v expr)) (if v v (error "assertion failed" 'expr))))))

;; Gambit's name for sleep.
(define thread-sleep! sleep)
