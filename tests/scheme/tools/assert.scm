;; assert returns its expression's value, and raises an error naming the
;; expression when it is #f. thread-sleep! is Gambit's name for sleep.
(write (assert (memv 2 '(1 2 3))))
(newline)
(thread-sleep! 0.01)
(write (catch (lambda (e) (list (error-object-message e) (error-object-irritants e)))
              (assert (> 1 2))))
(newline)
(assert (string? 'not-a-string)) ; ERROR: assertion failed \(string\? \(quote not-a-string\)\)
