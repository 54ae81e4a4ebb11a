SELECT c.customer_id, c.tenure_months, avg(p.amount) AS monthly_spend, c.churned
FROM customers c JOIN payments p USING (customer_id)
GROUP BY c.customer_id, c.tenure_months, c.churned;
