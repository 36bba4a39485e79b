;; Exceptions: raise, raise-continuable, with-exception-handler, guard, and
;; error objects, including those that primitives raise.

(define (show . xs) (for-each display xs) (newline))

;; raise-continuable: the handler's value is the value of the raise
(show (with-exception-handler
       (lambda (c) (* c 10))
       (lambda () (+ 1 (raise-continuable 4)))))

;; a handler runs with the outer handler installed
(show (with-exception-handler
       (lambda (e) (+ e 1))
       (lambda ()
         (with-exception-handler
          (lambda (e) (raise-continuable (* e 2)))
          (lambda () (raise-continuable 5))))))

;; raise: the handler escapes with a continuation
(show (call/cc
       (lambda (k)
         (with-exception-handler
          (lambda (e) (k (list 'caught e)))
          (lambda () (raise 'oops))))))

;; a handler that returns from a raise causes a secondary exception, raised
;; where the handler ran: the guard around it catches that
(show (guard (e (#t 'secondary))
        (with-exception-handler
         (lambda (e) 'ignored)
         (lambda () (raise 'first)))))

;; guard clauses, => and else
(show (guard (e (#t (list 'guarded e))) (raise 'boom)))
(show (guard (e ((symbol? e) (list 'sym e)) ((string? e) (list 'str e))) (raise "bad")))
(show (guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'a 42)))))
(show (guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'b 23)))))
(show (guard (e ((string? e) 'str) (else (list 'else e))) (raise 5)))
(show (guard (e (#t 'no)) 'fine))
(show (guard (e (#t 'no)) (values) 1 2 3))

;; a guard with no matching clause passes the object on
(show (guard (outer (#t (list 'outer outer)))
        (guard (inner ((number? inner) 'num))
          (raise 'not-a-number))))

;; error objects
(guard (e ((error-object? e)
           (display (error-object-message e))
           (display " | ")
           (write (error-object-irritants e))
           (newline)))
  (error "Something bad:" 42 'foo "str"))
(show (guard (e (#t (error-object? e))) (error "x")))
(show (guard (e (#t (error-object? e))) (raise 'x)))
(show (guard (e (#t (error-object-irritants e))) (error "no irritants")))
(show (guard (e ((string? e) e)) (raise "plain string")))

;; primitives raise error objects
(show (guard (e ((error-object? e) 'car-error)) (car 5)))
(show (guard (e ((error-object? e) 'vector-error)) (vector-ref (vector 1 2) 5)))
(show (guard (e ((error-object? e) 'unbound-error)) (undefined-variable-here)))
(show (guard (e ((error-object? e) 'apply-error)) (5 5)))

;; file errors and read errors
(show (guard (e ((file-error? e) 'file-error)) (open-input-file "no/such/file.txt")))
(show (guard (e ((read-error? e) 'read-error)) (read (open-input-string "(1 2"))))
(show (guard (e ((read-error? e) 'read-error)) (read (open-input-string ")"))))
(show (guard (e (#t (list (file-error? e) (read-error? e)))) (error "neither")))
(show (guard (e (#t (list (file-error? e) (read-error? e)))) (raise 'neither)))

;; unwinding to a guard runs dynamic-wind's after thunks
(define log '())
(define (note x) (set! log (cons x log)))
(guard (e (#t (note (list 'handled e))))
  (dynamic-wind (lambda () (note 'in))
                (lambda () (raise 'x))
                (lambda () (note 'out))))
(show (reverse log))

;; when no clause matches, guard re-raises in the dynamic environment of
;; the original raise: the wind is entered again, then left again
(set! log '())
(guard (e (#t (note (list 'outer e))))
  (guard (e ((string? e) (note 'inner)))
    (dynamic-wind (lambda () (note 'in))
                  (lambda () (raise 'sym))
                  (lambda () (note 'out)))))
(show (reverse log))

;; the handler of with-exception-handler runs inside the dynamic extent
;; of the raise, before any unwinding
(set! log '())
(call/cc
 (lambda (k)
   (with-exception-handler
    (lambda (e) (note (list 'handler e)) (k 'done))
    (lambda ()
      (dynamic-wind (lambda () (note 'in))
                    (lambda () (raise 'z))
                    (lambda () (note 'out)))))))
(show (reverse log))

;; raise-continuable through guard: the guard catches it too
(show (guard (e ((number? e) (* e 2))) (+ 1 (raise-continuable 20))))

;; an error inside a guard clause body goes to the outer handler
(show (guard (e (#t (list 'outer e)))
        (guard (e (#t (raise (list 'rethrown e))))
          (raise 'inner))))
