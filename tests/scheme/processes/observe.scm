;; Observing and controlling processes, as Erlang's processes(),
;; process_info/1, exit/2 and register/2 do.
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define (info pid key) (cdr (assq key (process-info pid))))
(define (message thunk)
  (catch (lambda (e) (cons (error-object-message e) (error-object-irritants e)))
         (thunk)))

(define (server)
  (recv
    ('stop 'stopped)
    (x (server))))
(define a (spawn (server)))
(define b (spawn (sleep 100)))
(sleep 0.01) ; both have started, and wait
(show (equal? (processes) (list (self) a b)))
(show (map car (process-info a)))
(show (info a 'status) (info b 'status) (info (self) 'status))
(show (info a 'procedure) (info a 'position))
(show (info (self) 'procedure) (info (self) 'position))
(! b 'one)
(! b 'two)
(show (info a 'mailbox-length) (info b 'mailbox-length))
(link a)
(define ref (monitor b))
(show (equal? (info a 'links) (list (self))) (equal? (info (self) 'links) (list a)))
(show (equal? (info b 'monitored-by) (list (self))) (equal? (info (self) 'monitors) (list b)))
(show (info a 'monitors) (info b 'links))
(show (exact-integer? (info a 'reductions)) (> (info a 'memory) 0))

;; Names are the node's: one per process, one process per name.
(show (info a 'name) (registered) (whereis 'srv))
(register 'srv a)
(show (info a 'name) (registered) (eq? (whereis 'srv) a))
(show (message (lambda () (register 'srv b))))
(show (message (lambda () (register 'other a))))
(register 'sleeper b)
(show (registered))
(unregister 'sleeper)
(show (registered) (whereis 'sleeper))
(show (message (lambda () (unregister 'sleeper))))

;; kill: monitors and links see the reason; the name is freed.
(kill b 'enough)
(show (equal? (?) (list 'down ref b 'enough)))
(show (process-info b) (message (lambda () (register 'again b))))
(show (catch (lambda (e) (list 'caught e))
        (kill a)
        (? 1 'no-death)))
(show (process-info a) (registered) (whereis 'srv))
(kill a 'again) ; dead: nothing happens
(show (equal? (processes) (list (self))))

;; A process that kills itself ends there, for the reason it gives.
(define s (spawn (lambda () (? ) (kill (self) 'enough-of-me) (display "not reached"))))
(define sref (monitor s))
(! s 'go)
(show (equal? (?) (list 'down sref s 'enough-of-me)))

;; kill with reason normal: links do not die of it, monitors see it.
(define n (spawn-link (sleep 100)))
(define nref (monitor n))
(kill n 'normal)
(show (equal? (?) (list 'down nref n 'normal)))
(show (? 0.01 'no-death))

(show (message (lambda () (process-info 'a))))
(show (message (lambda () (kill 5))))
(show (message (lambda () (register "srv" (self)))))
