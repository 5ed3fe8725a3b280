// The benchmark's endpoints on express-session with its MemoryStore, as @voltage/session runs them.
const express = require('express');
const session = require('express-session');

const SIZE = 10;
const app = express();
app.use(session({ secret: 'benchmark-secret', resave: false, saveUninitialized: false }));

const add = (cart, sku) => [...(cart.length < SIZE ? cart : cart.slice(1)), { sku, quantity: 1 }];
const full = () => Array.from({ length: SIZE }, (_, i) => ({ sku: 'sku-' + i, quantity: 1 }));

app.get('/cart', (req, res) => res.type('text').send(String((req.session.cart || []).length)));
app.post('/cart', (req, res) => {
  req.session.cart = add(req.session.cart || [], 'sku');
  res.type('text').send(String(req.session.cart.length));
});
app.get('/anonymous', (req, res) => res.type('text').send(String((req.session.cart || []).length)));
app.post('/login', (req, res) => {
  req.session.user = 'ada';
  req.session.cart = full();
  res.type('text').send('ok');
});

const port = Number(process.env.PORT || 3000);
app.listen(port, '127.0.0.1', () => console.log('express-session bench on http://127.0.0.1:' + port));
