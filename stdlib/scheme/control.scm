;;; Control: multiple values, dynamic-wind, continuations that cross it,
;;; exceptions, guard, parameters and promises. The machine provides the
;;; primitives marked %: the dynamic state registers (%winders, %handlers,
;;; %params), which every continuation captures and restores, and %throw,
;;; which reinstates a continuation without running any winder.

(define (call-with-values producer consumer)
  (%apply-values consumer (producer)))

;; The Go primitives that return two values hand them to values, which
;; checks that the continuation takes two (R7RS 6.10).
(define (floor/ n1 n2) (%apply-values values (%floor/ n1 n2)))
(define (truncate/ n1 n2) (%apply-values values (%truncate/ n1 n2)))
(define (exact-integer-sqrt k) (%apply-values values (%exact-integer-sqrt k)))

;; A winder is (before after handlers . params): the thunks, and the
;; exception handlers and parameter values of the dynamic-wind call, which
;; are those the thunks run with when a continuation crosses it.
(define (dynamic-wind before thunk after)
  (before)
  (%set-winders! (cons (cons before (cons after (cons (%handlers) (%params))))
                       (%winders)))
  (%apply-values
   (lambda results
     (%set-winders! (cdr (%winders)))
     (after)
     (apply values results))
   (thunk)))

;; The longest common tail of two winder lists.
(define (%common-tail x y)
  (let ((lx (length x)) (ly (length y)))
    (let loop ((x (if (> lx ly) (list-tail x (- lx ly)) x))
               (y (if (> ly lx) (list-tail y (- ly lx)) y)))
      (if (eq? x y) x (loop (cdr x) (cdr y))))))

;; Runs the after thunks out of the current extent and the before thunks
;; into the target one, each in the dynamic extent it belongs to.
(define (%wind-to! to)
  (let ((tail (%common-tail (%winders) to)))
    (let unwind ()
      (if (not (eq? (%winders) tail))
          (let ((w (car (%winders))))
            (%set-winders! (cdr (%winders)))
            (%run-winder w (car (cdr w)))
            (unwind))))
    (let rewind ((ws to))
      (if (not (eq? ws tail))
          (begin
            (rewind (cdr ws))
            (%run-winder (car ws) (car (car ws)))
            (%set-winders! ws))))))

;; Calls thunk, a thunk of winder w, with the handlers and parameter values
;; of w's dynamic-wind call: an error it raises goes to the handlers around
;; that call, and it sees the parameters that call saw.
(define (%run-winder w thunk)
  (%set-handlers! (car (cdr (cdr w))))
  (%set-params! (cdr (cdr (cdr w))))
  (thunk))

;; The machine calls this when a continuation is invoked from another
;; dynamic-wind extent.
(define (%wind-and-throw k . vals)
  (%wind-to! (%continuation-winders k))
  (%throw k vals))

(define (with-exception-handler handler thunk)
  (if (not (procedure? handler))
      (error "with-exception-handler: expected procedure" handler))
  (let ((saved (%handlers)))
    (%set-handlers! (cons handler saved))
    (%apply-values
     (lambda results
       (%set-handlers! saved)
       (apply values results))
     (thunk))))

;; A handler runs with the handlers outside its own installed; if it
;; returns from a non-continuable raise, a secondary error is raised there.
;; A handler installed by handle (an entry (resume . proc)) makes any raise
;; continuable: its value is the value of the raise.
(define (raise obj)
  (let ((hs (%handlers)))
    (cond ((null? hs) (%uncaught obj))
          ((pair? (car hs)) (%call-handler (cdr (car hs)) obj hs))
          (else
           (%set-handlers! (cdr hs))
           ((car hs) obj)
           (raise (%make-error "exception handler returned from non-continuable raise" (list obj)))))))

(define (raise-continuable obj)
  (let ((hs (%handlers)))
    (cond ((null? hs) (%uncaught obj))
          ((pair? (car hs)) (%call-handler (cdr (car hs)) obj hs))
          (else (%call-handler (car hs) obj hs)))))

(define (%call-handler handler obj hs)
  (%set-handlers! (cdr hs))
  (%apply-values
   (lambda results
     (%set-handlers! hs)
     (apply values results))
   (handler obj)))

(define (%handle handler thunk)
  (let ((saved (%handlers)))
    (%set-handlers! (cons (cons 'resume handler) saved))
    (%apply-values
     (lambda results
       (%set-handlers! saved)
       (apply values results))
     (thunk))))

;; guard (R7RS 4.2.7): the clauses run in the dynamic environment of the
;; guard; with no matching clause the condition is re-raised in the
;; dynamic environment of the original raise.
(define (%guard thunk handler)
  ((call/cc
    (lambda (guard-k)
      (with-exception-handler
       (lambda (condition)
         ((call/cc
           (lambda (handler-k)
             (guard-k
              (lambda ()
                (handler condition
                         (lambda ()
                           (handler-k (lambda () (raise-continuable condition)))))))))))
       (lambda ()
         (%apply-values
          (lambda args (guard-k (lambda () (apply values args))))
          (thunk))))))))

(define (make-parameter value . converter)
  (if (pair? converter)
      (%make-parameter ((car converter) value) (car converter))
      (%make-parameter value #f)))

(define (%parameterize params vals thunk)
  (let loop ((ps params) (vs vals) (bindings '()))
    (if (pair? ps)
        (let ((convert (%parameter-converter (car ps))))
          (loop (cdr ps) (cdr vs)
                (cons (cons (car ps) (if convert (convert (car vs)) (car vs)))
                      bindings)))
        (let ((saved (%params)))
          (%set-params! (append bindings saved))
          (%apply-values
           (lambda results
             (%set-params! saved)
             (apply values results))
           (thunk))))))

;; force (R7RS 7.3): iterative, so a chain of delay-force runs in
;; constant space.
(define (force promise)
  (if (promise? promise)
      (let loop ()
        (if (%promise-done? promise)
            (%promise-value promise)
            (let ((next ((%promise-value promise))))
              (if (not (%promise-done? promise))
                  (%promise-update! next promise))
              (loop))))
      promise))

;; A case-lambda, so that a wrong number of arguments blames exit.
(define exit
  (case-lambda
    (() (%wind-to! '()) (emergency-exit))
    ((code) (%wind-to! '()) (emergency-exit code))))


;; (load FILE [ENV]) runs the forms of FILE in ENV (the program's top
;; level by default), one after the other, like a script.
(define (load file . env)
  (let ((s (%load-source file (if (pair? env) (car env) (interaction-environment)))))
    (%run-forms (car s) (cdr s) (if #f #f))
    (if #f #f)))
