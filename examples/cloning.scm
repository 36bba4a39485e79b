;; Cloning a process: a process hands out its own continuation, wrapped
;; in a thunk; a new process that calls the thunk carries on from there,
;; with the state the original had at that moment.
;; Run with: bin/termite examples/cloning.scm

(define original
  (spawn
   (let loop ((count 0))
     (recv
      ((from tag 'clone)
       (call/cc
        (lambda (clone)
          (! from (list tag (lambda () (clone #t)))))))
      ((from tag 'count)
       (! from (list tag count))))
     (loop (+ count 1)))))

(println "original: " (!? original 'count))   ; 0
(println "original: " (!? original 'count))   ; 1
(define clone (spawn ((!? original 'clone))))  ; the original counts it: 2
;; Both go on from 3, each on its own.
(println "clone: " (!? clone 'count))
(println "clone: " (!? clone 'count))
(println "original: " (!? original 'count))

;; The thunk runs as well on another node, which never loaded this file:
;; the continuation travels with the code it needs.
(define there (spawn-node))
(define remote-clone (remote-spawn there (!? original 'clone)))  ; 4
(println "remote clone: " (!? remote-clone 'count))
(println "remote clone runs there: " (eq? (pid-node remote-clone) there))
(println "original: " (!? original 'count))
