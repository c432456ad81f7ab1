/**
 * The tracker's single HTML page: add/track applications, revert, archive, delete, search, stats,
 * and a copy job with live SSE progress. Plain DOM and fetch, no build step; every value is
 * inserted as text (never as HTML).
 * @module
 */
export const TRACKER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jobkit application tracker</title>
<style>
body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}
fieldset{margin:1rem 0}#stats{white-space:pre;font-family:monospace;background:#f6f6f6;padding:.5rem}
</style></head><body>
<h1>Application tracker</h1>
<label>User <input id="user" value="demo-user"></label>
<fieldset><legend>Add application</legend>
<input id="company" placeholder="Company"> <input id="title" placeholder="Title"> <button id="add">Add</button></fieldset>
<fieldset><legend>Search</legend><input id="q" placeholder="company or title"> <button id="search">Search</button> <span id="hits"></span></fieldset>
<table><thead><tr><th>Company</th><th>Title</th><th>Status</th><th></th></tr></thead><tbody id="rows"></tbody></table>
<h2>Figures</h2><div id="stats">…</div>
<fieldset><legend>Copy saved postings into a collection</legend>
<button id="seed">Save 250 demo postings + copy all (chunks of 25)</button> <progress id="bar" value="0" max="1"></progress> <span id="job"></span></fieldset>
<script>
const STATUSES=['applied','screening','interviewing','offer','rejected','ghosted','withdrawn'];
const $=(id)=>document.getElementById(id);
const user=()=>$('user').value.trim();
async function api(method,path,body){const r=await fetch(path,{method,headers:{'content-type':'application/json','x-user-id':user()},body:body?JSON.stringify(body):undefined});const j=await r.json();if(!r.ok)alert(j.error);return j;}
function cell(tr,text){const td=document.createElement('td');td.textContent=text;tr.appendChild(td);return td;}
async function refresh(){
  const {applications}=await api('GET','/api/applications');const tb=$('rows');tb.textContent='';
  for(const a of applications){const tr=document.createElement('tr');cell(tr,a.company);cell(tr,a.title);
    const sel=document.createElement('select');for(const s of STATUSES){const o=document.createElement('option');o.value=o.textContent=s;o.selected=s===a.status;sel.appendChild(o);}
    sel.onchange=async()=>{await api('POST','/api/applications/'+a.id+'/status',{status:sel.value});later();};
    cell(tr,'').appendChild(sel);const td=cell(tr,'');
    for(const [label,fn] of [['revert',()=>api('POST','/api/applications/'+a.id+'/revert')],['archive',()=>api('POST','/api/applications/'+a.id+'/archive')],['delete',()=>api('DELETE','/api/applications/'+a.id)]]){
      const b=document.createElement('button');b.textContent=label;b.onclick=async()=>{await fn();later();};td.appendChild(b);}
    tb.appendChild(tr);}
  const s=await api('GET','/api/stats');$('stats').textContent=JSON.stringify(s,null,2);
}
// Figures are computed by the analytics consumer after the event travels the outbox and broker.
function later(){refresh();setTimeout(refresh,600);}
$('add').onclick=async()=>{await api('POST','/api/applications',{company:$('company').value,title:$('title').value});later();};
$('search').onclick=async()=>{const r=await api('GET','/api/search?q='+encodeURIComponent($('q').value));$('hits').textContent=r.found+' found: '+r.hits.map(h=>h.company+' / '+h.title).join(', ');};
$('seed').onclick=async()=>{
  const postings=Array.from({length:250},(_,i)=>({id:user()+'-p'+i,title:'Engineer '+i,company:'Company '+(i%17),url:'https://example.com/jobs/'+i}));
  await api('POST','/api/saved-postings',{postings});const c=await api('POST','/api/collections',{name:'Shortlist'});
  const job=await api('POST','/api/collections/'+c.id+'/copy',{all:true,chunkSize:25});
  const es=new EventSource('/api/jobs/'+job.id+'/events?user='+encodeURIComponent(user()));
  const show=(e)=>{const j=JSON.parse(e.data);$('bar').max=j.total;$('bar').value=j.processed;$('job').textContent=j.status+' '+j.processed+'/'+j.total+' (inserted '+j.inserted+', skipped '+j.skipped+')';};
  es.addEventListener('progress',show);es.addEventListener('done',(e)=>{show(e);es.close();});
};
$('user').onchange=refresh;refresh();
</script></body></html>`;
