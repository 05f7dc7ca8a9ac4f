-- The pgvector pattern of Supabase's AI guides: a vector column, hnsw and ivfflat indexes, a search function.
create extension if not exists vector with schema extensions;
create table public.documents (
  id bigint primary key generated always as identity,
  content text not null,
  embedding extensions.vector(1536),
  small extensions.halfvec(3)
);
create index documents_embedding_idx on public.documents using hnsw (embedding extensions.vector_cosine_ops)
  with (m = 16, ef_construction = 64);
do $$
begin
  if not exists (select from pg_indexes where indexname = 'documents_small_idx') then
    create index documents_small_idx on public.documents using ivfflat (small extensions.halfvec_l2_ops) with (lists = 100);
  end if;
end $$;
insert into public.documents (content, embedding) values ('seed', array_fill(0.5, array[1536])::real[]::extensions.vector);
create or replace function public.match_documents(query_embedding extensions.vector(1536), match_count int)
returns table (id bigint, similarity float)
language sql stable
as $$
  select d.id, 1 - (d.embedding operator(extensions.<=>) query_embedding)
  from public.documents d
  order by d.embedding operator(extensions.<=>) query_embedding
  limit match_count;
$$;
select public.match_documents(array_fill(0.5, array[1536])::real[]::extensions.vector, 1);
