;; The robust pong server of the Termite paper: a supervised pid keeps
;; answering across crashes of its worker, until the worker crashes more
;; than 5 times within 5 seconds.

(define (start-pong-server)
  (let loop ()
    (recv
     ((from tag 'crash)
      (! from (list tag (/ 1 0))))
     ((from tag 'ping)
      (! from (list tag 'pong))))
    (loop)))

(define robust-pong-server
  (spawn-thunk-supervised start-pong-server))

(define watch (monitor robust-pong-server))

;; The crash gets no answer; by the end of the timeout the worker has been
;; replaced, so the next message reaches the new one.
(define (crash n)
  (println "crash " n ": " (!? robust-pong-server 'crash 0.1 'no-answer)))

(define (ping)
  (println "ping: " (!? robust-pong-server 'ping 0.5 'no-answer)))

(ping)
(crash 1)
(ping)
(crash 2)
(crash 3)
(ping)
(crash 4)
(crash 5)
(ping)
;; The sixth crash in 5 seconds: the supervisor gives up.
(crash 6)
(println "ping after giving up: " (!? robust-pong-server 'ping 0.5 'no-answer))
(recv (('down ,watch _ reason) (println "supervisor ended: " (car reason))))

;; A worker that ends normally ends its supervisor too, normally.
(define once
  (spawn-thunk-supervised
   (lambda ()
     (recv ((from tag 'quit) (! from (list tag 'bye)))))))
(define watch-once (monitor once))
(println "quit: " (!? once 'quit 0.5 'no-answer))
(recv (('down ,watch-once _ reason) (println "supervisor ended: " reason)))
