;; The robust pong server: a supervisor restarts the server when it
;; crashes, behind a pid that stays the same.
;; Run with: bin/termite examples/supervised-pong.scm

(define (start-pong-server)
  (let loop ()
    (recv
     ((from tag 'crash)
      (! from (list tag (/ 1 0))))      ; dies: division by zero
     ((from tag 'ping)
      (! from (list tag 'pong))))
    (loop)))

(define robust-pong-server
  (spawn-thunk-supervised start-pong-server))

(define (ping)
  (!? robust-pong-server 'ping 1 'no-answer))

(println "ping: " (ping))
;; The crash gets no answer; the supervisor starts a new server, which
;; gets the next message.
(println "crash: " (!? robust-pong-server 'crash 0.1 'no-answer))
(println "ping: " (ping))

;; A supervisor gives up when its server crashes more than 5 times in
;; 5 seconds, and dies of (supervisor-gave-up THUNK).
(define watch (monitor robust-pong-server))
(let loop ((i 0))
  (when (< i 6)
    (!? robust-pong-server 'crash 0.1 'no-answer)
    (loop (+ i 1))))
(recv (('down ,watch _ reason) (println "supervisor ended: " (car reason))))
(println "ping: " (ping))
