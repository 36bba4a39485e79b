;; Timeouts: recv's after clause, and ? with a timeout.
(write (recv
        ((x y) (list x y))
        (after 0.05 'timed-out)))
(newline)
(write (catch (lambda (e) (list 'raised e))
         (recv
          ((x y) (list x y))
          (after 0.01 (raise 'timeout)))))
(newline)
(write (? 0.01 'default))
(newline)
(write (catch (lambda (e) e) (? 0.01)))
(newline)
(! (self) (list 1 2))
(write (recv ((x y) (list y x)) (after 1 'timed-out)))
(newline)
