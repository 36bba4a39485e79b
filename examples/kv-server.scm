;; The key/value server of the Termite paper, written as a plugin of the
;; generic server. Run with: bin/termite examples/kv-server.scm

(define key/value-generic-server-plugin
  (make-generic-server-plugin
   (lambda ()                           ; INIT: the first state
     (println "Key-Value server starting")
     (make-dict))

   (lambda (term from state)            ; CALL: a request that gets a reply
     (match term
       (('store key val)
        (dict-set! state key val)
        (list 'reply 'ok state))

       (('lookup key)
        (list 'reply (dict-ref state key) state))))

   (lambda (term state)                 ; CAST: a request without reply
     (match term
       ('stop (list 'stop 'normal state))))

   (lambda (reason state)               ; TERMINATE
     (println "Key-Value server terminating: " reason))))

(define (kv:start)
  (generic-server-start-link key/value-generic-server-plugin))

(define (kv:stop server)
  (generic-server-cast server 'stop))

(define (kv:store server key val)
  (generic-server-call server (list 'store key val)))

(define (kv:lookup server key)
  (generic-server-call server (list 'lookup key)))

(define kv (kv:start))
(println (kv:store kv 'language "Scheme"))
(println (kv:store kv '(paper year) 2006))
(println (kv:lookup kv 'language))
(println (kv:lookup kv '(paper year)))
(println (kv:lookup kv 'missing))       ; dict-ref's default: #f

(define watch (monitor kv))
(kv:stop kv)
(recv (('down ,watch _ reason) (println "stopped: " reason)))

;; The server is gone: a call gets no reply. With a timeout and a default
;; the default comes back; with a timeout alone, timeout is raised.
(println (generic-server-call kv '(lookup language) 0.1 'no-server))
(println (catch (lambda (e) (list 'raised e))
           (generic-server-call kv '(lookup language) 0.1)))
