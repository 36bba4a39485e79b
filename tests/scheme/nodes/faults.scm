;; Links and monitors across nodes, and the loss of a node.
(define me (self))
(define worker (spawn-node))

;; A linked process that dies there makes this one raise its death.
(write (catch (lambda (e) (list 'linked-death e))
              (remote-spawn-link worker (lambda () (raise 'boom)))
              (? 5 'no-raise)))
(newline)

;; A monitor of a process there hears of its end, normal or not.
(define p (remote-spawn worker (lambda () (?))))
(define ref (monitor p))
(! p 'go)
(recv (('down ,ref ,p reason) (write reason) (newline)))
(define q (remote-spawn worker (lambda () (? ) (car 1))))
(define ref-q (monitor q))
(! q 'go)
(recv (('down ,ref-q ,q reason) (write (error-object-message reason)) (newline)))

;; When a node is lost, its processes count as dead of (node-down NODE).
(define doomed (spawn-node))
;; A process there that ended before its node: one down message, not two.
(define early (remote-spawn doomed (lambda () (?))))
(define ref-early (monitor early))
(! early 'end)
(recv (('down ,ref-early ,early reason) (write reason) (newline)))
(define r (remote-spawn doomed (lambda () (?) (exit 1))))
(define ref-r (monitor r))
(spawn (lambda ()
         (link r)
         (! me 'linked)
         (catch (lambda (e) (! me (list 'linked-process-raised e)))
                (? 30))))
(?)                                     ; linked
(! r 'die)                              ; its node exits
(recv (('down ,ref-r ,r reason)
       (write (equal? reason (list 'node-down doomed))) (newline)))
(recv (('linked-process-raised e)
       (write (equal? e (list 'node-down doomed))) (newline)))
(write (recv (('down ,ref-early . _) 'told-twice) (after 0.5 'told-once))) (newline)

;; Everything else lives on.
(write (ping worker)) (newline)
(write (on worker (lambda () 'still-here))) (newline)
(write (ping doomed 1)) (newline)
(write (catch (lambda (e) 'cannot-reach) (on doomed (lambda () 1)))) (newline)
