;; The key/value server of the Termite paper, on the generic server.

(define key/value-generic-server-plugin
  (make-generic-server-plugin
   (lambda ()                           ; INIT
     (println "Key-Value server starting")
     (make-dict))

   (lambda (term from state)            ; CALL
     (match term
       (('store key val)
        (dict-set! state key val)
        (list 'reply 'ok state))

       (('lookup key)
        (list 'reply (dict-ref state key) state))))

   (lambda (term state)                 ; CAST
     (match term
       ('stop (list 'stop 'normal state))))

   (lambda (reason state)               ; TERMINATE
     (println "Key Value Server Terminating"))))

(define (kv:start)
  (generic-server-start-link
   key/value-generic-server-plugin))

(define (kv:stop server)
  (generic-server-cast server 'stop))

(define (kv:store server key val)
  (generic-server-call server (list 'store key val)))

(define (kv:lookup server key)
  (generic-server-call server (list 'lookup key)))

(define kv (kv:start))
(println (kv:store kv 'a 1))
(println (kv:store kv '(composite key) "two"))
(println (kv:lookup kv 'a))
(println (kv:lookup kv (list 'composite 'key)))
(println (kv:lookup kv 'missing))
(define watch (monitor kv))
(kv:stop kv)
(recv (('down ,watch _ reason) (println "stopped: " reason)))
;; A call to a server that is gone times out: with a default, it is
;; returned; without one, the symbol timeout is raised.
(println (generic-server-call kv '(lookup a) 0.05 'no-server))
(println (catch (lambda (e) (list 'raised e))
                (generic-server-call kv '(lookup a) 0.05)))
