;; Two processes: a pong server and the main process pinging it.
;; Run with: bin/termite examples/pingpong.scm

(define pong-server
  (spawn
   (let loop ()
     (recv
      ((from 'ping)
       (where (pid? from))
       (! from 'pong)
       (loop))
      ('stop 'done)))))

(let loop ((i 0))
  (when (< i 3)
    (! pong-server (list (self) 'ping))
    (println "ping " i " -> " (?))
    (loop (+ i 1))))

(! pong-server 'stop)

;; A remote procedure call with !? and a timeout.
(define adder
  (spawn (let loop ()
           (recv ((from tag ('add a b)) (! from (list tag (+ a b)))))
           (loop))))
(println "1 + 2 = " (!? adder '(add 1 2) 1.0 'no-answer))
