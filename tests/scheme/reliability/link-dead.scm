;; A link to a process that has already ended reports its end as noproc
;; (as Erlang does) at the next receive, instead of being ignored.
(define (show x) (write x) (newline))
(define (ended thunk)
  (let* ((p (spawn-thunk thunk))
         (ref (monitor p)))
    (?) ; its down message: it has ended
    p))
(define normal (ended (lambda () 'done)))
(define failed (ended (lambda () (raise 'boom))))
(show (catch (lambda (e) (list 'caught e))
        (link normal)
        (? 1 'no-death)))
(show (catch (lambda (e) (list 'caught e))
        (link failed)
        (? 1 'no-death)))
;; A process of its own that links to an ended one dies of it.
(define linker (spawn (link normal) (? 1 'no-death)))
(monitor linker)
(show (cadddr (?)))
